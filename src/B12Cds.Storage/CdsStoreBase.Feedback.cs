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
                await InsertAllAsync(
                    transaction,
                    $"""
                    INSERT INTO cds_feedback ({FeedbackColumns})
                    VALUES (@service_id, @card_uuid, @outcome, @accepted_suggestions, @reason_system, @reason_code, @user_comment, @outcome_at, @received_at, @patient_id, @card_key)
                    """,
                    feedback,
                    AddFeedback,
                    ct).ConfigureAwait(false);
                await InsertAllAsync(
                    transaction,
                    "INSERT INTO cds_suppression (patient_id, card_key, until_at, reason, card_uuid) VALUES (@patient_id, @card_key, @until_at, @reason, @card_uuid)",
                    suppressions,
                    AddSuppression,
                    ct).ConfigureAwait(false);
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

    private void AddFeedback(DbCommand command, FeedbackRecord feedback) => command
        .AddParameter("@service_id", feedback.ServiceId)
        .AddParameter("@card_uuid", feedback.CardUuid)
        .AddParameter("@outcome", feedback.Outcome)
        .AddParameter("@accepted_suggestions", _dialect.List(feedback.AcceptedSuggestions ?? []))
        .AddParameter("@reason_system", feedback.ReasonSystem)
        .AddParameter("@reason_code", feedback.ReasonCode)
        .AddParameter("@user_comment", feedback.UserComment)
        .AddParameter("@outcome_at", Time(feedback.OutcomeTimestamp))
        .AddParameter("@received_at", Time(feedback.ReceivedAt))
        .AddParameter("@patient_id", feedback.PatientId)
        .AddParameter("@card_key", feedback.CardKey);

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
