namespace B12Cds.Storage.Tests;

/// <summary>A store that only appends audit entries, in memory, and can hang or fail on demand.</summary>
internal sealed class FakeAuditStore : ICdsStore
{
    private readonly Lock _lock = new();
    private readonly List<AuditRecord[]> _batches = [];
    private int _calls;

    /// <summary>Gets or sets the failure for a call (the batch, the call's number from 1), or <see langword="null"/> to succeed.</summary>
    public Func<IReadOnlyList<AuditRecord>, int, Exception?> Failure { get; set; } = (_, _) => null;

    /// <summary>Gets or sets a task each call waits for before doing anything.</summary>
    public Task Gate { get; set; } = Task.CompletedTask;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Gets whether any call arrived on a thread-pool thread.</summary>
    public bool CalledOnThreadPool { get; private set; }

    public IReadOnlyList<AuditRecord[]> Batches
    {
        get
        {
            lock (_lock)
            {
                return [.. _batches];
            }
        }
    }

    public IReadOnlyList<AuditRecord> Written => [.. Batches.SelectMany(batch => batch)];

    public string Provider => "fake";

    public async Task AppendAuditAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default)
    {
        var call = Interlocked.Increment(ref _calls);
        CalledOnThreadPool |= Thread.CurrentThread.IsThreadPoolThread;
        await Gate.WaitAsync(cancellationToken);
        if (Failure(records, call) is { } failure)
        {
            throw failure;
        }

        lock (_lock)
        {
            _batches.Add([.. records]);
        }
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task RecordShownCardsAsync(IReadOnlyList<ShownCard> cards, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyDictionary<string, ShownCard>> FindShownCardsAsync(IReadOnlyCollection<string> cardUuids, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task RecordFeedbackAsync(IReadOnlyList<FeedbackRecord> feedback, IReadOnlyList<Suppression> suppressions, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<IReadOnlySet<string>> SuppressedCardKeysAsync(string patientId, string serviceId, DateTimeOffset now, TimeSpan repeatWindow, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<PatientCardHistory> GetCardHistoryAsync(string patientId, DateTimeOffset now, TimeSpan repeatWindow, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<AuditRecord>> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<FeedbackRecord>> QueryFeedbackAsync(string? patientId, int limit, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
