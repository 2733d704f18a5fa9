using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using B12Cds.Cards.CarePlans;
using B12Cds.Cards.CdsHooks;
using B12Cds.Cards.Reports;
using B12Cds.Fhir.Model;

namespace B12Cds.Cards.Tests.Samples;

/// <summary>
/// The normalised projection of an evaluation report that the sample golden files hold: what the clinician sees (the
/// rules that fired, each card's urgency, text, topic and suggestions, the CarePlan's regimen and follow-up tests), and
/// none of what changes between runs or rule-set edits that show nothing new (uuids, the rule-set version, resource
/// references, hook instance). Order is the engine's. Written as indented JSON (2 spaces, LF) with a trailing newline.
/// </summary>
internal static class SampleGoldenProjection
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Projects a report and writes it as the golden text.</summary>
    public static string Write(string sample, string profile, EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var root = new JsonObject
        {
            ["sample"] = sample,
            ["profile"] = profile,
            ["firedRules"] = Array(report.FiredRules.Select(r => r.Id)),
            ["cards"] = new JsonArray([.. report.Cards.Select(Card)]),
            ["carePlan"] = report.CarePlan is { } plan ? CarePlan(plan, report.RuleSetVersion) : null,
        };
        if (report.Errors.Count > 0)
        {
            // Only when a rule failed for this patient: the clinician then sees less than the rules intend.
            root["errors"] = Array(report.Errors.Select(e => $"{e.RuleId}: {e.Message}"));
        }

        return root.ToJsonString(Options).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static JsonObject Card(Card card) => new()
    {
        ["rules"] = Array((card.Extension?.Rules ?? []).Select(r => r.Id)),
        ["indicator"] = card.Indicator,
        ["summary"] = card.Summary,
        ["detail"] = card.Detail,
        ["topic"] = card.Source.Topic?.Code,
        ["suggestions"] = new JsonArray([.. card.Suggestions.Select(Suggestion)]),
    };

    private static JsonObject Suggestion(Suggestion suggestion)
    {
        var resource = suggestion.Actions.Count > 0 ? suggestion.Actions[0].Resource : null;
        var projected = new JsonObject
        {
            ["label"] = suggestion.Label,
            ["isRecommended"] = suggestion.IsRecommended == true,
            ["resourceType"] = resource?.ResourceType,
            ["code"] = Code(resource),
        };
        if (resource is MedicationRequest rx)
        {
            projected["dosage"] = Array(rx.DosageInstruction.Select(d => d.Text));
        }

        if (suggestion.Actions.Count > 1)
        {
            projected["moreActions"] = Array(suggestion.Actions.Skip(1).Select(a => $"{a.Resource?.ResourceType}: {Code(a.Resource)}"));
        }

        return projected;
    }

    private static JsonObject CarePlan(CarePlan plan, string ruleSetVersion)
    {
        var contained = plan.Contained.Where(r => r.Id is not null).ToDictionary(r => "#" + r.Id, StringComparer.Ordinal);
        return new JsonObject
        {
            ["status"] = plan.Status,
            ["intent"] = plan.Intent,
            ["title"] = plan.Title,
            ["description"] = plan.Description,
            ["activities"] = new JsonArray([.. plan.Activity.Select(a => Activity(a, contained))]),
            ["notes"] = Array(plan.Note.Select(n => n.Text?.Replace($" (rule set {ruleSetVersion})", string.Empty, StringComparison.Ordinal))),
        };
    }

    private static JsonObject Activity(CarePlanActivity activity, Dictionary<string, Resource> contained)
    {
        var resource = activity.Reference?.ReferenceValue is { } r && contained.TryGetValue(r, out var found) ? found : null;
        var projected = new JsonObject
        {
            ["kind"] = resource?.ResourceType ?? activity.Detail?.Kind,
            ["text"] = activity.Reference?.Display ?? activity.Detail?.Description,
            ["code"] = Code(resource),
        };
        switch (resource)
        {
            case MedicationRequest rx:
                projected["dosage"] = Array(rx.DosageInstruction.Select(d => d.Text));
                projected["timing"] = Array(rx.DosageInstruction.Select(d => TimingText.Describe(d.Timing?.Repeat)));
                break;
            case ServiceRequest sr:
                projected["occurrence"] = sr.OccurrenceDateTime?.Value;
                projected["reason"] = Array(sr.ReasonCode.Select(c => c.Text));
                break;
        }

        return projected;
    }

    private static string? Code(Resource? resource) => resource switch
    {
        MedicationRequest rx => Text(rx.MedicationCodeableConcept) ?? rx.MedicationReference?.Display,
        ServiceRequest sr => Text(sr.Code),
        _ => null,
    };

    private static string? Text(CodeableConcept? concept) =>
        concept is null ? null : concept.Text ?? concept.Coding.Select(c => c.Display ?? c.Code).FirstOrDefault(t => t is not null);

    private static JsonArray Array(IEnumerable<string?> items) => new([.. items.Select(i => (JsonNode?)JsonValue.Create(i))]);
}
