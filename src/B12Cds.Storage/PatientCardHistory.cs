namespace B12Cds.Storage;

/// <summary>
/// What decides whether a card may be shown to one patient: the snoozes still running (the latest end per card) and
/// when each service last showed each card. Immutable: merging or adding gives a new history. The store reads it;
/// the service keeps it in memory between calls and adds what it shows and what is snoozed as it happens.
/// </summary>
public sealed class PatientCardHistory
{
    private readonly Dictionary<string, DateTimeOffset> _snoozedUntil;
    private readonly Dictionary<(string CardKey, string ServiceId), DateTimeOffset> _lastShown;

    /// <summary>Creates a history.</summary>
    /// <param name="patientId">The patient's FHIR id.</param>
    /// <param name="snoozes">The snoozes (several for one card keep the latest end).</param>
    /// <param name="shown">The showings (several of one card by one service keep the latest).</param>
    public PatientCardHistory(string patientId, IEnumerable<Suppression> snoozes, IEnumerable<ShownCard> shown)
        : this(patientId, new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal), [])
    {
        ArgumentNullException.ThrowIfNull(snoozes);
        ArgumentNullException.ThrowIfNull(shown);
        foreach (var snooze in snoozes)
        {
            AddSnooze(snooze.CardKey, snooze.Until);
        }

        foreach (var card in shown)
        {
            AddShown(card.CardKey, card.ServiceId, card.ShownAt);
        }
    }

    private PatientCardHistory(string patientId, Dictionary<string, DateTimeOffset> snoozedUntil, Dictionary<(string, string), DateTimeOffset> lastShown)
    {
        ArgumentException.ThrowIfNullOrEmpty(patientId);
        PatientId = patientId;
        _snoozedUntil = snoozedUntil;
        _lastShown = lastShown;
    }

    /// <summary>Gets the patient's FHIR id.</summary>
    public string PatientId { get; }

    /// <summary>Gets, per card key, the end (exclusive) of its latest snooze.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> SnoozedUntil => _snoozedUntil;

    /// <summary>Gets, per card key and service, when that service last showed the card.</summary>
    public IReadOnlyDictionary<(string CardKey, string ServiceId), DateTimeOffset> LastShown => _lastShown;

    /// <summary>
    /// Gets the card keys <paramref name="serviceId"/> must not show now: those snoozed past <paramref name="now"/>, and
    /// those a different service showed within <paramref name="repeatWindow"/> before <paramref name="now"/> (the
    /// same service may show its card again, as the EHR re-invokes the hook when the chart changes).
    /// </summary>
    public IReadOnlySet<string> SuppressedFor(string serviceId, DateTimeOffset now, TimeSpan repeatWindow)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceId);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeatWindow, TimeSpan.Zero);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, until) in _snoozedUntil)
        {
            if (until > now)
            {
                keys.Add(key);
            }
        }

        var since = now - repeatWindow;
        foreach (var ((key, service), shownAt) in _lastShown)
        {
            if (shownAt > since && !string.Equals(service, serviceId, StringComparison.Ordinal))
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    /// <summary>Gets this history with <paramref name="other"/>'s added (the later time wins everywhere).</summary>
    public PatientCardHistory Merge(PatientCardHistory other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!string.Equals(other.PatientId, PatientId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Histories of different patients ('{PatientId}', '{other.PatientId}') do not merge.", nameof(other));
        }

        var merged = Copy();
        foreach (var (key, until) in other._snoozedUntil)
        {
            merged.AddSnooze(key, until);
        }

        foreach (var ((key, service), shownAt) in other._lastShown)
        {
            merged.AddShown(key, service, shownAt);
        }

        return merged;
    }

    /// <summary>Gets this history with <paramref name="shown"/> added (cards of other patients are ignored).</summary>
    public PatientCardHistory WithShown(IEnumerable<ShownCard> shown)
    {
        ArgumentNullException.ThrowIfNull(shown);
        var copy = Copy();
        foreach (var card in shown)
        {
            if (string.Equals(card.PatientId, PatientId, StringComparison.Ordinal))
            {
                copy.AddShown(card.CardKey, card.ServiceId, card.ShownAt);
            }
        }

        return copy;
    }

    /// <summary>Gets this history with <paramref name="snoozes"/> added (snoozes of other patients are ignored).</summary>
    public PatientCardHistory WithSnoozes(IEnumerable<Suppression> snoozes)
    {
        ArgumentNullException.ThrowIfNull(snoozes);
        var copy = Copy();
        foreach (var snooze in snoozes)
        {
            if (string.Equals(snooze.PatientId, PatientId, StringComparison.Ordinal))
            {
                copy.AddSnooze(snooze.CardKey, snooze.Until);
            }
        }

        return copy;
    }

    /// <summary>Gets an empty history for the store to fill while it reads (before anyone else sees it).</summary>
    internal static PatientCardHistory Empty(string patientId) => new(patientId, new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal), []);

    private PatientCardHistory Copy() =>
        new(PatientId, new Dictionary<string, DateTimeOffset>(_snoozedUntil, StringComparer.Ordinal), new Dictionary<(string, string), DateTimeOffset>(_lastShown));

    internal void AddSnooze(string cardKey, DateTimeOffset until)
    {
        if (!_snoozedUntil.TryGetValue(cardKey, out var known) || until > known)
        {
            _snoozedUntil[cardKey] = until;
        }
    }

    internal void AddShown(string cardKey, string serviceId, DateTimeOffset shownAt)
    {
        if (!_lastShown.TryGetValue((cardKey, serviceId), out var known) || shownAt > known)
        {
            _lastShown[(cardKey, serviceId)] = shownAt;
        }
    }
}
