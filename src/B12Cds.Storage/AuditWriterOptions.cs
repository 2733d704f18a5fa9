namespace B12Cds.Storage;

/// <summary>How the <see cref="AuditWriter"/> queues and writes.</summary>
public sealed record AuditWriterOptions
{
    /// <summary>Gets the most entries waiting to be written; past it new entries are dropped (and counted).</summary>
    /// <value>The default is 10,000: minutes of traffic while the database is unreachable.</value>
    public int Capacity { get; init; } = 10_000;

    /// <summary>Gets the most entries written in one transaction.</summary>
    /// <value>The default is 200.</value>
    public int BatchSize { get; init; } = 200;

    /// <summary>
    /// Gets how long the writer lets entries gather after the first one arrives, so a busy service commits (and
    /// syncs to disk) a few times a second rather than once per call. Entries wait in memory either way; this only
    /// sets how many share a transaction.
    /// </summary>
    /// <value>The default is 50 ms; zero writes each entry as soon as it arrives.</value>
    public TimeSpan BatchWindow { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Gets the wait before the first retry after a transient failure; it doubles on each retry.</summary>
    /// <value>The default is 200 ms.</value>
    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Gets the longest wait between retries.</summary>
    /// <value>The default is 30 s.</value>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchWindow, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialRetryDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryDelay, InitialRetryDelay);
    }
}
