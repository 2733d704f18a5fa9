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
    private async Task InsertShownCardsAsync(DbTransaction transaction, IEnumerable<ShownCard> cards, bool ignoreRepeats, CancellationToken cancellationToken)
    {
        var list = cards as IReadOnlyCollection<ShownCard> ?? [.. cards];
        if (list.Count == 0)
        {
            return;
        }

        await InsertAllAsync(
            transaction,
            $"INSERT INTO cds_shown_card ({ShownCardColumns}) VALUES (@card_uuid, @card_key, @patient_id, @service_id, @hook, @hook_instance, @shown_at)"
                + (ignoreRepeats ? " ON CONFLICT (card_uuid) DO NOTHING" : string.Empty),
            list,
            (command, card) => command
                .AddParameter("@card_uuid", card.CardUuid)
                .AddParameter("@card_key", card.CardKey)
                .AddParameter("@patient_id", card.PatientId)
                .AddParameter("@service_id", card.ServiceId)
                .AddParameter("@hook", card.Hook)
                .AddParameter("@hook_instance", card.HookInstance)
                .AddParameter("@shown_at", Time(card.ShownAt)),
            cancellationToken).ConfigureAwait(false);
        await InsertAllAsync(
            transaction,
            """
            INSERT INTO cds_card_last_shown (patient_id, card_key, service_id, shown_at) VALUES (@patient_id, @card_key, @service_id, @shown_at)
            ON CONFLICT (patient_id, card_key, service_id) DO UPDATE SET shown_at = excluded.shown_at WHERE excluded.shown_at > cds_card_last_shown.shown_at
            """,
            list,
            (command, card) => command
                .AddParameter("@patient_id", card.PatientId)
                .AddParameter("@card_key", card.CardKey)
                .AddParameter("@service_id", card.ServiceId)
                .AddParameter("@shown_at", Time(card.ShownAt)),
            cancellationToken).ConfigureAwait(false);
    }

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
        ArgumentException.ThrowIfNullOrEmpty(patientId);
        ArgumentException.ThrowIfNullOrEmpty(serviceId);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeatWindow, TimeSpan.Zero);
        var keys = await QueryAsync(
            """
            SELECT card_key FROM cds_suppression WHERE patient_id = @patient_id AND until_at > @now
            UNION
            SELECT card_key FROM cds_card_last_shown WHERE patient_id = @patient_id AND service_id <> @service_id AND shown_at > @since
            """,
            command => command
                .AddParameter("@patient_id", patientId)
                .AddParameter("@service_id", serviceId)
                .AddParameter("@now", Time(now))
                .AddParameter("@since", Time(now - repeatWindow)),
            reader => reader.GetString(0),
            cancellationToken).ConfigureAwait(false);
        return keys.ToHashSet(StringComparer.Ordinal);
    }

    private void AddSuppression(DbCommand command, Suppression suppression) => command
        .AddParameter("@patient_id", suppression.PatientId)
        .AddParameter("@card_key", suppression.CardKey)
        .AddParameter("@until_at", Time(suppression.Until))
        .AddParameter("@reason", suppression.Reason)
        .AddParameter("@card_uuid", suppression.CardUuid);
}
