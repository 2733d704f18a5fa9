using System.Data.Common;
using B12Cds.Storage.Sql;

namespace B12Cds.Storage;

/// <summary>Cards shown and the suppressions that hide them.</summary>
public abstract partial class CdsStoreBase
{
    private const string ShownCardColumns = "card_uuid, card_key, patient_id, service_id, hook, hook_instance, shown_at";

    /// <inheritdoc/>
    public Task RecordShownCardsAsync(IReadOnlyList<ShownCard> cards, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cards);
        cancellationToken.ThrowIfCancellationRequested();
        if (cards.Count == 0)
        {
            return Task.CompletedTask;
        }

        return InTransactionAsync((transaction, ct) => InsertShownCardsAsync(transaction, cards, ignoreRepeats: false, ct), cancellationToken);
    }

    /// <summary>
    /// Inserts shown cards and moves each one's "last shown" time on; with <paramref name="ignoreRepeats"/>, a card
    /// whose uuid is already recorded (the same hookInstance answered twice) is left as first shown.
    /// </summary>
    private async Task InsertShownCardsAsync(DbTransaction transaction, IReadOnlyList<ShownCard> cards, bool ignoreRepeats, CancellationToken cancellationToken)
    {
        if (cards.Count == 0)
        {
            return;
        }

        await (ignoreRepeats ? _insertShownCardsIgnoringRepeats : _insertShownCards).ExecuteAsync(transaction, cards, _dialect.RowsPerInsert, cancellationToken).ConfigureAwait(false);
        await _upsertLastShown.ExecuteAsync(transaction, LatestPerCard(cards), _dialect.RowsPerInsert, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The latest showing of each (patient, card, service): one statement may not update the same row twice
    /// (PostgreSQL refuses it), and a busy patient's chart shows the same cards many times in one batch.
    /// </summary>
    private static List<ShownCard> LatestPerCard(IReadOnlyList<ShownCard> cards)
    {
        var latest = new Dictionary<(string PatientId, string CardKey, string ServiceId), ShownCard>(cards.Count);
        foreach (var card in cards)
        {
            var key = (card.PatientId, card.CardKey, card.ServiceId);
            if (!latest.TryGetValue(key, out var seen) || card.ShownAt > seen.ShownAt)
            {
                latest[key] = card;
            }
        }

        return [.. latest.Values];
    }

    private MultiRowInsert<ShownCard> ShownCardInsert(bool ignoreRepeats) => new(
        "cds_shown_card",
        ShownCardColumns,
        ignoreRepeats ? "ON CONFLICT (card_uuid) DO NOTHING" : string.Empty,
        (card, values) =>
        {
            values[0] = card.CardUuid;
            values[1] = card.CardKey;
            values[2] = card.PatientId;
            values[3] = card.ServiceId;
            values[4] = card.Hook;
            values[5] = card.HookInstance;
            values[6] = Time(card.ShownAt);
        });

    private MultiRowInsert<ShownCard> LastShownUpsert() => new(
        "cds_card_last_shown",
        "patient_id, card_key, service_id, shown_at",
        "ON CONFLICT (patient_id, card_key, service_id) DO UPDATE SET shown_at = excluded.shown_at WHERE excluded.shown_at > cds_card_last_shown.shown_at",
        (card, values) =>
        {
            values[0] = card.PatientId;
            values[1] = card.CardKey;
            values[2] = card.ServiceId;
            values[3] = Time(card.ShownAt);
        });

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, ShownCard>> FindShownCardsAsync(IReadOnlyCollection<string> cardUuids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cardUuids);
        cancellationToken.ThrowIfCancellationRequested();
        string[] distinct = [.. cardUuids.Where(uuid => uuid is not null).Distinct(StringComparer.Ordinal)];
        if (distinct.Length == 0)
        {
            return new Dictionary<string, ShownCard>(StringComparer.Ordinal);
        }

        var cards = await QueryAsync(
            $"SELECT {ShownCardColumns} FROM cds_shown_card WHERE {_dialect.InList("card_uuid", "@uuids")}",
            command => command.AddParameter("@uuids", _dialect.List(distinct)),
            reader => new ShownCard(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), _dialect.ReadTime(reader, 6)),
            cancellationToken).ConfigureAwait(false);
        return cards.ToDictionary(card => card.CardUuid, StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlySet<string>> SuppressedCardKeysAsync(
        string patientId, string serviceId, DateTimeOffset now, TimeSpan repeatWindow, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceId);
        var history = await GetCardHistoryAsync(patientId, now, repeatWindow, cancellationToken).ConfigureAwait(false);
        return history.SuppressedFor(serviceId, now, repeatWindow);
    }

    /// <inheritdoc/>
    public async Task<PatientCardHistory> GetCardHistoryAsync(string patientId, DateTimeOffset now, TimeSpan repeatWindow, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(patientId);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeatWindow, TimeSpan.Zero);
        var history = PatientCardHistory.Empty(patientId);
        await ReadRowsAsync(
            """
            SELECT card_key, NULL AS service_id, until_at FROM cds_suppression WHERE patient_id = @patient_id AND until_at > @now
            UNION ALL
            SELECT card_key, service_id, shown_at FROM cds_card_last_shown WHERE patient_id = @patient_id AND shown_at > @since
            """,
            command => command
                .AddParameter("@patient_id", patientId)
                .AddParameter("@now", Time(now))
                .AddParameter("@since", Time(now - repeatWindow)),
            reader =>
            {
                if (reader.GetNullableString(1) is { } service)
                {
                    history.AddShown(reader.GetString(0), service, _dialect.ReadTime(reader, 2));
                }
                else
                {
                    history.AddSnooze(reader.GetString(0), _dialect.ReadTime(reader, 2));
                }
            },
            cancellationToken).ConfigureAwait(false);
        return history;
    }
}
