namespace B12Cds.Fhir.Model;

/// <summary>A container of resources (FHIR <c>Bundle</c>): collection, searchset, transaction, batch and the rest.</summary>
public sealed record Bundle : Resource
{
    /// <inheritdoc/>
    protected override string TypeName => "Bundle";

    public Identifier? Identifier { get; init; }

    /// <summary>Gets the bundle type: document, message, transaction, transaction-response, batch, batch-response, history, searchset or collection.</summary>
    public string? Type { get; init; }

    public FhirDateTime? Timestamp { get; init; }

    public int? Total { get; init; }

    public IReadOnlyList<BundleLink> Link { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<BundleEntry> Entry { get; init => field = FhirList.Clean(value); } = [];
}
