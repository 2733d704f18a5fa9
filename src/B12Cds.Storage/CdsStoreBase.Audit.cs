using System.Data.Common;
using System.Text;
using B12Cds.Storage.Sql;

namespace B12Cds.Storage;

/// <summary>The audit trail.</summary>
public abstract partial class CdsStoreBase
{
    private const string AuditColumns =
        "id, occurred_at, service_id, hook, hook_instance, patient_id, rule_set_version, rules_fired, card_uuids, outcome, duration, detail";

    /// <inheritdoc/>
    public Task AppendAuditAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        cancellationToken.ThrowIfCancellationRequested();
        if (records.Count == 0)
        {
            return Task.CompletedTask;
        }

        return InTransactionAsync(
            async (transaction, ct) =>
            {
                await _insertAudit.ExecuteAsync(transaction, records, _dialect.RowsPerInsert, ct).ConfigureAwait(false);
                await InsertShownCardsAsync(transaction, [.. records.SelectMany(r => r.ShownCards)], ignoreRepeats: true, ct).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<AuditRecord>> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = CheckLimit(query.Limit, nameof(query));
        var where = new StringBuilder();
        void And(string condition) => where.Append(where.Length == 0 ? " WHERE " : " AND ").Append(condition);
        if (query.PatientId is not null)
        {
            And("patient_id = @patient_id");
        }

        if (query.From is not null)
        {
            And("occurred_at >= @from");
        }

        if (query.To is not null)
        {
            And("occurred_at < @to");
        }

        return await QueryAsync(
            $"SELECT {AuditColumns} FROM cds_audit{where} ORDER BY occurred_at DESC, id DESC LIMIT @limit",
            command =>
            {
                if (query.PatientId is not null)
                {
                    command.AddParameter("@patient_id", query.PatientId);
                }

                if (query.From is { } from)
                {
                    command.AddParameter("@from", Time(from));
                }

                if (query.To is { } to)
                {
                    command.AddParameter("@to", Time(to));
                }

                command.AddParameter("@limit", limit);
            },
            ReadAudit,
            cancellationToken).ConfigureAwait(false);
    }

    private MultiRowInsert<AuditRecord> AuditInsert() => new(
        "cds_audit",
        AuditColumns,
        "ON CONFLICT (id) DO NOTHING",
        (record, values) =>
        {
            values[0] = _dialect.Uuid(record.Id);
            values[1] = Time(record.Time);
            values[2] = record.ServiceId;
            values[3] = record.Hook;
            values[4] = record.HookInstance;
            values[5] = record.PatientId;
            values[6] = record.RuleSetVersion;
            values[7] = _dialect.List(record.RulesFired ?? []);
            values[8] = _dialect.List(record.CardUuids ?? []);
            values[9] = record.Outcome;
            values[10] = Duration(record.Duration);
            values[11] = record.Detail;
        });

    private AuditRecord ReadAudit(DbDataReader reader) => new()
    {
        Id = reader.GetGuid(0),
        Time = _dialect.ReadTime(reader, 1),
        ServiceId = reader.GetString(2),
        Hook = reader.GetNullableString(3),
        HookInstance = reader.GetNullableString(4),
        PatientId = reader.GetNullableString(5),
        RuleSetVersion = reader.GetNullableString(6),
        RulesFired = _dialect.ReadList(reader, 7),
        CardUuids = _dialect.ReadList(reader, 8),
        Outcome = reader.GetString(9),
        Duration = _dialect.ReadDuration(reader, 10),
        Detail = reader.GetNullableString(11),
    };
}
