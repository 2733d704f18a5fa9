using System.Collections.Concurrent;
using B12Cds.Storage;
using Microsoft.Extensions.Options;

namespace B12Cds.Service.Hooks;

/// <summary>
/// Each patient's card history (snoozes, and what each service last showed) held in memory, so answering a hook
/// does not query the database: a patient's history is read from the store on first use and again once it is older
/// than <see cref="ServiceOptions.CardHistoryRefresh"/> (so instances sharing a PostgreSQL database see each other's
/// writes within that time), and what this instance shows or snoozes is added at once, before the audit writer
/// stores it. The oldest-used patients are forgotten past <see cref="ServiceOptions.CardHistoryCapacity"/>.
/// </summary>
/// <threadsafety instance="true"/>
internal sealed class CardHistoryCache(ICdsStore store, TimeProvider time, IOptions<ServiceOptions> options)
{
    private readonly ServiceOptions _options = Checked(options.Value);
    private readonly ConcurrentDictionary<string, Entry> _patients = new(StringComparer.Ordinal);
    private int _trimming;

    /// <summary>Gets the number of patients held.</summary>
    public int Count => _patients.Count;

    /// <summary>Gets the card keys <paramref name="serviceId"/> must not show <paramref name="patientId"/> now (see <see cref="PatientCardHistory.SuppressedFor"/>).</summary>
    /// <exception cref="Exception">The store failed while the history was read (the caller decides what failing open means).</exception>
    public async ValueTask<IReadOnlySet<string>> SuppressedAsync(string patientId, string serviceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(patientId);
        var now = time.GetUtcNow();
        var stamp = time.GetTimestamp();
        if (!_patients.TryGetValue(patientId, out var entry) || entry.LoadedAt is not { } loadedAt || time.GetElapsedTime(loadedAt, stamp) >= _options.CardHistoryRefresh)
        {
            var stored = await store.GetCardHistoryAsync(patientId, now, _options.RepeatWindow, cancellationToken).ConfigureAwait(false);
            entry = _patients.AddOrUpdate(
                patientId,
                static (_, loaded) => new Entry(loaded.Stored, loaded.Stamp, loaded.Stamp),
                static (_, known, loaded) => new Entry(known.History.Merge(loaded.Stored), loaded.Stamp, loaded.Stamp),
                (Stored: stored, Stamp: stamp));
            TrimIfFull();
        }

        Volatile.Write(ref entry.LastUsed, stamp);
        return entry.History.SuppressedFor(serviceId, now, _options.RepeatWindow);
    }

    /// <summary>Adds cards just shown (the audit writer stores them shortly).</summary>
    public void Shown(IReadOnlyList<ShownCard> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        foreach (var patient in cards.GroupBy(c => c.PatientId, StringComparer.Ordinal))
        {
            Add(patient.Key, history => history.WithShown(patient));
        }
    }

    /// <summary>Adds snoozes just stored.</summary>
    public void Snoozed(IReadOnlyList<Suppression> snoozes)
    {
        ArgumentNullException.ThrowIfNull(snoozes);
        foreach (var patient in snoozes.GroupBy(s => s.PatientId, StringComparer.Ordinal))
        {
            Add(patient.Key, history => history.WithSnoozes(patient));
        }
    }

    private void Add(string patientId, Func<PatientCardHistory, PatientCardHistory> add)
    {
        // A patient not held yet gets an entry that is not "loaded": its next lookup reads the store and merges.
        _patients.AddOrUpdate(
            patientId,
            static (id, change) => new Entry(change.Add(new PatientCardHistory(id, [], [])), null, change.Stamp),
            static (_, known, change) => new Entry(change.Add(known.History), known.LoadedAt, change.Stamp),
            (Add: add, Stamp: time.GetTimestamp()));
        TrimIfFull();
    }

    /// <summary>Past the capacity by a tenth, forgets the least recently used patients down to the capacity (one trim at a time).</summary>
    private void TrimIfFull()
    {
        var capacity = _options.CardHistoryCapacity;
        if (_patients.Count <= capacity + (capacity / 10) || Interlocked.Exchange(ref _trimming, 1) == 1)
        {
            return;
        }

        try
        {
            var excess = _patients.Count - capacity;
            foreach (var (patientId, _) in _patients.OrderBy(p => Volatile.Read(ref p.Value.LastUsed)).Take(excess).ToList())
            {
                _patients.TryRemove(patientId, out _);
            }
        }
        finally
        {
            Volatile.Write(ref _trimming, 0);
        }
    }

    private static ServiceOptions Checked(ServiceOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.CardHistoryCapacity, $"{ServiceOptions.Section}:{nameof(ServiceOptions.CardHistoryCapacity)}");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CardHistoryRefresh, TimeSpan.Zero, $"{ServiceOptions.Section}:{nameof(ServiceOptions.CardHistoryRefresh)}");
        return options;
    }

    private sealed class Entry(PatientCardHistory history, long? loadedAt, long lastUsed)
    {
        /// <summary>The last use, as a <see cref="TimeProvider"/> timestamp (written and read with <see cref="Volatile"/>).</summary>
        public long LastUsed = lastUsed;

        public PatientCardHistory History { get; } = history;

        /// <summary>Gets when the store was last read for this patient; <see langword="null"/> when it has not been.</summary>
        public long? LoadedAt { get; } = loadedAt;
    }
}
