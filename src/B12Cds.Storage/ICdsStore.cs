namespace B12Cds.Storage;

/// <summary>
/// The service's store: cards shown, feedback, suppressions and the audit trail. Every write is one transaction
/// (all or nothing); times are stored in UTC to the microsecond (finer ticks are truncated) and read back in UTC.
/// </summary>
/// <threadsafety instance="true"/>
public interface ICdsStore
{
    /// <summary>Gets the provider's name: <c>sqlite</c> or <c>postgresql</c>.</summary>
    string Provider { get; }

    /// <summary>
    /// Creates or migrates the schema to this build's version. Idempotent, and safe when several instances start at once.
    /// </summary>
    /// <exception cref="InvalidOperationException">The database's schema is newer than this build knows.</exception>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Records the cards returned to an EHR (card uuids are unique: a duplicate fails the whole call).</summary>
    Task RecordShownCardsAsync(IReadOnlyList<ShownCard> cards, CancellationToken cancellationToken = default);

    /// <summary>Finds shown cards by uuid; uuids never recorded are absent from the result.</summary>
    Task<IReadOnlyDictionary<string, ShownCard>> FindShownCardsAsync(IReadOnlyCollection<string> cardUuids, CancellationToken cancellationToken = default);

    /// <summary>Records feedback entries and the suppressions they cause, in one transaction (all or nothing).</summary>
    Task RecordFeedbackAsync(IReadOnlyList<FeedbackRecord> feedback, IReadOnlyList<Suppression> suppressions, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets the card keys not to show this patient now: those snoozed (<see cref="Suppression.Until"/> after
    /// <paramref name="now"/>), and those shown by a different service within <paramref name="repeatWindow"/> before
    /// <paramref name="now"/> (the same card is not repeated across hooks; the same service may show it again).
    /// </summary>
    Task<IReadOnlySet<string>> SuppressedCardKeysAsync(string patientId, string serviceId, DateTimeOffset now, TimeSpan repeatWindow, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets what decides which cards this patient may be shown: the snoozes running at <paramref name="now"/>, and the
    /// cards each service showed within <paramref name="repeatWindow"/> before it (the latest showing of each).
    /// </summary>
    Task<PatientCardHistory> GetCardHistoryAsync(string patientId, DateTimeOffset now, TimeSpan repeatWindow, CancellationToken cancellationToken = default);

    /// <summary>Appends audit entries in one transaction; an entry whose id is already stored is skipped, so a retried batch is not written twice.</summary>
    Task AppendAuditAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default);

    /// <summary>Queries the audit trail, newest first.</summary>
    Task<IReadOnlyList<AuditRecord>> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Gets feedback, newest received first, for one patient or (with <see langword="null"/>) for all.</summary>
    Task<IReadOnlyList<FeedbackRecord>> QueryFeedbackAsync(string? patientId, int limit, CancellationToken cancellationToken = default);
}
