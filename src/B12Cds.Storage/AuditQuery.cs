namespace B12Cds.Storage;

/// <summary>A filter on the audit trail; entries come back newest first.</summary>
public sealed record AuditQuery
{
    /// <summary>Gets the patient to filter on, or <see langword="null"/> for all.</summary>
    public string? PatientId { get; init; }

    /// <summary>Gets the earliest time included (inclusive), or <see langword="null"/>.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Gets the end of the time range (exclusive), or <see langword="null"/>.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Gets the most entries returned.</summary>
    /// <value>The default is 100; at most <see cref="CdsStoreBase.MaxQueryLimit"/>.</value>
    public int Limit { get; init; } = 100;
}
