using System.Text.RegularExpressions;
using B12Cds.Cards;
using B12Cds.Fhir.Model;
using B12Cds.Rules.Model;

namespace B12Cds.Service.FhirApi;

/// <summary>
/// Publishes the active rule set as one FHIR PlanDefinition (type <c>eca-rule</c>, version = the rule-set version): an
/// action per clinical area, holding an action per active rule with its id, title and citations.
/// </summary>
internal static partial class PlanDefinitionFactory
{
    private const string PlanDefinitionType = "http://terminology.hl7.org/CodeSystem/plan-definition-type";
    private const string UsageContextType = "http://terminology.hl7.org/CodeSystem/usage-context-type";

    /// <summary>Builds the PlanDefinition of <paramref name="ruleSet"/>, dated when it was loaded.</summary>
    public static PlanDefinition Create(RuleSet ruleSet, DateTimeOffset? loadedAt)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var active = ruleSet.Rules.Where(r => r.Status == RuleStatus.Active).ToList();
        var areas = active
            .GroupBy(r => r.Area, StringComparer.Ordinal)
            .Select(g => new PlanDefinitionAction
            {
                Id = ElementId($"area-{g.Key}"),
                Title = AreaDisplay(g.Key),
                Code = [new CodeableConcept { Coding = [new Coding { System = B12CdsUris.Area, Code = g.Key, Display = AreaDisplay(g.Key) }] }],
                GroupingBehavior = "logical-group",
                SelectionBehavior = "any",
                Action = [.. g.Select(RuleAction)],
            })
            .ToList();

        return new PlanDefinition
        {
            Id = FhirApiUris.PlanDefinitionId,
            Url = FhirApiUris.PlanDefinitionUrl,
            Version = ruleSet.Version,
            Name = "B12DeficiencyRules",
            Title = "Vitamin B12 deficiency: B12 CDS rules",
            Type = new CodeableConcept { Coding = [new Coding { System = PlanDefinitionType, Code = "eca-rule", Display = "ECA Rule" }] },
            Status = "active",
            Experimental = false,
            Date = loadedAt is { } at ? FhirDateTime.FromInstant(at) : null,
            Publisher = "B12 CDS",
            Description =
                $"The rules B12 CDS runs (rule set {ruleSet.Version}, {active.Count} active rules in {areas.Count} areas): " +
                "diagnosis from serum and active B12, MMA and homocysteine; causes; neurological urgency; treatment regimens; " +
                "monitoring, non-response and safety. Apply it with $apply to a Parameters resource holding the subject and a `data` Bundle.",
            UseContext =
            [
                new UsageContext
                {
                    Code = new Coding { System = UsageContextType, Code = "focus", Display = "Clinical Focus" },
                    ValueCodeableConcept = new CodeableConcept { Text = "Vitamin B12 deficiency" },
                },
            ],
            Purpose = "Clinical decision support for the diagnosis, treatment and monitoring of vitamin B12 deficiency in adults.",
            RelatedArtifact = [.. active.SelectMany(r => r.Citations).Select(Artifact).DistinctBy(a => (a.Label, a.Url, a.Display))],
            Action = areas,
        };
    }

    private static PlanDefinitionAction RuleAction(Rule rule) => new()
    {
        Id = ElementId(rule.Id),
        Prefix = rule.Id,
        Title = rule.Title,
        Description = rule.Profiles.Count == 0
            ? $"Rule {rule.Id} (priority {rule.Priority})."
            : $"Rule {rule.Id} (priority {rule.Priority}); runs in the {string.Join(" and ", rule.Profiles)} profile{(rule.Profiles.Count == 1 ? string.Empty : "s")}.",
        Documentation = [.. rule.Citations.Select(Artifact)],
    };

    private static RelatedArtifact Artifact(Citation citation) => new()
    {
        Type = "citation",
        Label = citation.Source,
        Display = citation.Text,
        Url = citation.Url,
    };

    /// <summary>Gets an area's display: <c>neurologic-urgency</c> → "Neurologic urgency".</summary>
    internal static string AreaDisplay(string area) =>
        area.Length == 0 ? area : char.ToUpperInvariant(area[0]) + area[1..].Replace('-', ' ');

    /// <summary>Makes a FHIR element id (<c>[A-Za-z0-9\-\.]{1,64}</c>) from a rule id or area.</summary>
    private static string ElementId(string text)
    {
        var id = NotIdCharacter().Replace(text, "-");
        return id.Length > 64 ? id[..64] : id;
    }

    [GeneratedRegex(@"[^A-Za-z0-9\-\.]")]
    private static partial Regex NotIdCharacter();
}
