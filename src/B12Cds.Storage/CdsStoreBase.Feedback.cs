using System.Data.Common;
using B12Cds.Storage.Sql;

namespace B12Cds.Storage;

/// <summary>Feedback and the suppressions it causes.</summary>
public abstract partial class CdsStoreBase
{
    private const string FeedbackColumns =
        "service_id, card_uuid, outcome, accepted_suggestions, reason_system, reason_code, user_comment, outcome_at, received_at, patient_id, card_key";

    /// <inheritdoc/>
    public Task RecordFeedbackAsync(IReadOnlyList<FeedbackRecord> feedback, IReadOnlyList<Suppression> suppressions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        ArgumentNullException.ThrowIfNull(suppressions);
        cancellationToken.ThrowIfCancellationRequested();
        if (feedback.Count == 0 && suppressions.Count == 0)
        {
            return Task.CompletedTask;
        }

        return InTransactionAsync(
            async (transaction, ct) =>
            {
                await _insertFeedback.ExecuteAsync(transaction, feedback, _dialect.RowsPerInsert, ct).ConfigureAwait(false);
                await _insertSuppressions.ExecuteAsync(transaction, suppressions, _dialect.RowsPerInsert, ct).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<FeedbackRecord>> QueryFeedbackAsync(string? patientId, int limit, CancellationToken cancellationToken = default)
    {
        limit = CheckLimit(limit, nameof(limit));
        var where = patientId is null ? string.Empty : "WHERE patient_id = @patient_id";
        return await QueryAsync(
            $"SELECT {FeedbackColumns} FROM cds_feedback {where} ORDER BY received_at DESC, id DESC LIMIT @limit",
            command =>
            {
                if (patientId is not null)
                {
                    command.AddParameter("@patient_id", patientId);
                }

                command.AddParameter("@limit", limit);
            },
            ReadFeedback,
            cancellationToken).ConfigureAwait(false);
    }

    private MultiRowInsert<FeedbackRecord> FeedbackInsert() => new(
        "cds_feedback",
        FeedbackColumns,
        string.Empty,
        (feedback, values) =>
        {
            values[0] = feedback.ServiceId;
            values[1] = feedback.CardUuid;
            values[2] = feedback.Outcome;
            values[3] = _dialect.List(feedback.AcceptedSuggestions ?? []);
            values[4] = feedback.ReasonSystem;
            values[5] = feedback.ReasonCode;
            values[6] = feedback.UserComment;
            values[7] = Time(feedback.OutcomeTimestamp);
            values[8] = Time(feedback.ReceivedAt);
            values[9] = feedback.PatientId;
            values[10] = feedback.CardKey;
        });

    private MultiRowInsert<Suppression> SuppressionInsert() => new(
        "cds_suppression",
        "patient_id, card_key, until_at, reason, card_uuid",
        string.Empty,
        (suppression, values) =>
        {
            values[0] = suppression.PatientId;
            values[1] = suppression.CardKey;
            values[2] = Time(suppression.Until);
            values[3] = suppression.Reason;
            values[4] = suppression.CardUuid;
        });

    private FeedbackRecord ReadFeedback(DbDataReader reader) => new()
    {
        ServiceId = reader.GetString(0),
        CardUuid = reader.GetString(1),
        Outcome = reader.GetString(2),
        AcceptedSuggestions = _dialect.ReadList(reader, 3),
        ReasonSystem = reader.GetNullableString(4),
        ReasonCode = reader.GetNullableString(5),
        UserComment = reader.GetNullableString(6),
        OutcomeTimestamp = _dialect.ReadTime(reader, 7),
        ReceivedAt = _dialect.ReadTime(reader, 8),
        PatientId = reader.GetNullableString(9),
        CardKey = reader.GetNullableString(10),
    };
}
