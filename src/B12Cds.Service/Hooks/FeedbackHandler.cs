using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using B12Cds.Cards.CdsHooks;
using B12Cds.Fhir.Model;
using B12Cds.Service.Diagnostics;
using B12Cds.Storage;

namespace B12Cds.Service.Hooks;

/// <summary>What the feedback endpoint answers: how many entries were stored and the snoozes they started.</summary>
/// <param name="Stored">The number of feedback entries stored.</param>
/// <param name="Suppressions">The snoozes started: the card, and until when that card is not shown for its patient.</param>
public sealed record FeedbackReceipt(
    [property: JsonPropertyName("stored")] int Stored,
    [property: JsonPropertyName("suppressions")] IReadOnlyList<SuppressionReceipt> Suppressions);

/// <summary>One snooze started by feedback.</summary>
public sealed record SuppressionReceipt([property: JsonPropertyName("card")] string Card, [property: JsonPropertyName("until")] DateTimeOffset Until);

/// <summary>
/// <c>POST /cds-services/{id}/feedback</c> (CDS Hooks 2.0 §Feedback): stores each entry, and turns an override whose
/// reason is one of our snooze codes into a suppression of that card for that patient for the period the code names.
/// The whole body is checked first and stored in one transaction: all entries or none.
/// </summary>
internal sealed class FeedbackHandler(ICdsStore store, AuditWriter audit, CardHistoryCache history, TimeProvider time, ILogger<FeedbackHandler> logger)
{
    /// <summary>How long feedback on a card not found waits for the audit writer to store the cards it has queued.</summary>
    private static readonly TimeSpan AuditWait = TimeSpan.FromSeconds(2);

    public async Task<IResult> HandleAsync(string serviceId, HttpContext http)
    {
        if (CdsServiceCatalog.Find(serviceId) is null)
        {
            return ServiceErrors.Result(StatusCodes.Status404NotFound, "not-found", $"There is no CDS service '{serviceId}'.");
        }

        var body = await RequestBody.ReadAsync(http, http.RequestAborted);

        var received = time.GetUtcNow();
        var entries = new List<FeedbackRecord>();
        var problems = new List<OperationOutcomeIssue>();
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("feedback", out var list)
                || list.ValueKind != JsonValueKind.Array)
            {
                return ServiceErrors.Result(StatusCodes.Status400BadRequest, "invalid", "The body must be an object with a 'feedback' array.", "feedback");
            }

            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (Read(item, $"feedback[{index++}]", serviceId, received, problems) is { } entry)
                {
                    entries.Add(entry);
                }
            }
        }
        catch (JsonException ex)
        {
            return ServiceErrors.Result(StatusCodes.Status400BadRequest, "invalid",
                $"The body is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}).");
        }

        if (problems.Count > 0)
        {
            return ServiceErrors.Result(StatusCodes.Status400BadRequest, new OperationOutcome { Issue = problems });
        }

        string[] uuids = [.. entries.Select(e => e.CardUuid).Distinct(StringComparer.Ordinal)];
        var shown = await store.FindShownCardsAsync(uuids, http.RequestAborted);
        if (shown.Count < uuids.Length && await AuditWrittenAsync(http.RequestAborted))
        {
            // A card shown moments ago may still have been in the audit writer's queue: look again now it is written.
            shown = await store.FindShownCardsAsync(uuids, http.RequestAborted);
        }
        var resolved = new List<FeedbackRecord>(entries.Count);
        var suppressions = new List<Suppression>();
        foreach (var entry in entries)
        {
            shown.TryGetValue(entry.CardUuid, out var card);
            resolved.Add(entry with { PatientId = card?.PatientId, CardKey = card?.CardKey });
            if (card is not null
                && entry.Outcome == "overridden"
                && OverrideReasons.SnoozeUntil(entry.ReasonSystem, entry.ReasonCode, entry.OutcomeTimestamp) is { } until
                && until > received)
            {
                suppressions.Add(new Suppression(card.PatientId, card.CardKey, until, entry.ReasonCode!, card.CardUuid));
            }
        }

        await store.RecordFeedbackAsync(resolved, suppressions, http.RequestAborted);
        history.Snoozed(suppressions);
        ServiceLog.FeedbackStored(logger, serviceId, resolved.Count, suppressions.Count);
        return Results.Json(
            new FeedbackReceipt(resolved.Count, [.. suppressions.Select(s => new SuppressionReceipt(s.CardUuid!, s.Until))]),
            HookJsonContext.Default.FeedbackReceipt);
    }

    /// <summary>Waits (briefly) for the audit entries queued so far to be written; false when that takes too long.</summary>
    private async Task<bool> AuditWrittenAsync(CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(AuditWait);
        try
        {
            await audit.FlushAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static FeedbackRecord? Read(JsonElement item, string path, string serviceId, DateTimeOffset received, List<OperationOutcomeIssue> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return Problem(problems, path, "Each feedback entry must be an object.");
        }

        var card = String(item, "card");
        var outcome = String(item, "outcome");
        var timestamp = String(item, "outcomeTimestamp");
        if (string.IsNullOrEmpty(card))
        {
            return Problem(problems, path + ".card", "'card' is required: the uuid of the card the feedback is about.");
        }

        if (outcome is not ("accepted" or "overridden"))
        {
            return Problem(problems, path + ".outcome", "'outcome' must be 'accepted' or 'overridden'.");
        }

        if (timestamp is null
            || !DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var when)
            || !timestamp.Contains('T', StringComparison.Ordinal))
        {
            return Problem(problems, path + ".outcomeTimestamp", "'outcomeTimestamp' is required: an RFC 3339 date-time, e.g. 2026-11-21T09:30:00Z.");
        }

        var accepted = new List<string>();
        if (item.TryGetProperty("acceptedSuggestions", out var suggestions) && suggestions.ValueKind == JsonValueKind.Array)
        {
            accepted.AddRange(suggestions.EnumerateArray().Select(s => String(s, "id")).OfType<string>());
        }

        if (outcome == "accepted" && accepted.Count == 0)
        {
            return Problem(problems, path + ".acceptedSuggestions", "'acceptedSuggestions' is required when the outcome is 'accepted': [{\"id\": <suggestion uuid>}].");
        }

        string? system = null, code = null, comment = null;
        if (item.TryGetProperty("overrideReason", out var reason) && reason.ValueKind == JsonValueKind.Object)
        {
            comment = String(reason, "userComment");
            if (reason.TryGetProperty("reason", out var coding) && coding.ValueKind == JsonValueKind.Object)
            {
                system = String(coding, "system");
                code = String(coding, "code");
            }
        }

        return new FeedbackRecord
        {
            ServiceId = serviceId,
            CardUuid = card,
            Outcome = outcome,
            AcceptedSuggestions = accepted,
            ReasonSystem = system,
            ReasonCode = code,
            UserComment = comment,
            OutcomeTimestamp = when,
            ReceivedAt = received,
        };
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static FeedbackRecord? Problem(List<OperationOutcomeIssue> problems, string path, string reason)
    {
        problems.Add(new OperationOutcomeIssue { Severity = "error", Code = "invalid", Diagnostics = reason, Expression = [path] });
        return null;
    }
}
