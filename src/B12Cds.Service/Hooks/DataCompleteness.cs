using System.Runtime.CompilerServices;
using B12Cds.Cards.CdsHooks;
using B12Cds.Rules.Model;
using B12Cds.Rules.Schema;
using B12Cds.Service.Prefetch;

namespace B12Cds.Service.Hooks;

/// <summary>
/// Which cards can be trusted when some of the patient's data could not be had: a card stands only if neither its
/// rule nor any rule behind the facts it matched reads a kind of fact whose source is missing (a missing allergy list
/// could hide a contraindication; missing results could hide a diagnosis). The card saying what was missing is
/// built here too.
/// </summary>
internal static class DataCompleteness
{
    private static readonly HashSet<string> BuiltIn = [.. FactSchema.BuiltInNames];

    private static readonly ConditionalWeakTable<RuleSet, Dictionary<string, HashSet<string>>> BaseReadsCache = [];

    /// <summary>The built-in fact types each prefetch area supplies.</summary>
    public static IReadOnlyList<string> FactTypesOf(PrefetchArea area) => area switch
    {
        PrefetchArea.Patient => ["patient"],
        PrefetchArea.Labs => ["lab", "finding"],
        PrefetchArea.Conditions => ["finding"],
        PrefetchArea.MedicationRequests or PrefetchArea.MedicationStatements => ["medication"],
        PrefetchArea.MedicationAdministrations => ["administration"],
        PrefetchArea.Procedures => ["procedure"],
        PrefetchArea.Allergies => ["allergy"],
        PrefetchArea.Findings => ["finding"],
        _ => [],
    };

    /// <summary>Keeps the cards whose rules read none of <paramref name="missingFactTypes"/>; returns the rest in <paramref name="withheld"/>.</summary>
    public static IReadOnlyList<Card> Trusted(RuleSet ruleSet, IReadOnlyList<Card> cards, IReadOnlySet<string> missingFactTypes, out IReadOnlyList<Card> withheld)
    {
        if (missingFactTypes.Count == 0)
        {
            withheld = [];
            return cards;
        }

        var reads = BaseReadsCache.GetValue(ruleSet, BaseReads);
        var kept = new List<Card>(cards.Count);
        var dropped = new List<Card>();
        foreach (var card in cards)
        {
            var rules = card.Extension?.Rules ?? [];
            var unsafeCard = rules.Any(r => reads.TryGetValue(r.Id, out var types) && types.Overlaps(missingFactTypes));
            (unsafeCard ? dropped : kept).Add(card);
        }

        withheld = dropped;
        return kept;
    }

    /// <summary>The card that says which data was missing and how many cards were withheld because of it.</summary>
    public static Card MissingDataCard(IReadOnlyList<PrefetchKeyResult> missing, int withheld, string ruleSetVersion, CardOptions options)
    {
        var names = missing.Select(m => Describe(m.Area)).Distinct(StringComparer.Ordinal).ToList();
        var summary = $"B12 advice incomplete: {string.Join(", ", names)} not available";
        if (summary.Length > 139)
        {
            summary = "B12 advice incomplete: some of the patient's data was not available";
        }

        var lines = missing.Select(m => $"- {Describe(m.Area)} (`{m.Key}`): {m.Problem ?? m.State.ToString()}");
        var detail = string.Join('\n', lines)
            + (withheld > 0
                ? $"\n\n{withheld} card(s) were withheld because they depend on this data. Reopen the chart to try again."
                : "\n\nNo advice depended on this data; reopen the chart to try again.");
        return new Card
        {
            Uuid = Cards.NameBasedUuid.FromParts(["missing-data", ruleSetVersion, options.PatientId, options.HookInstance, .. missing.Select(m => m.Key)]).ToString(),
            Summary = summary,
            Detail = detail,
            Indicator = "warning",
            Source = new CardSource { Label = options.SourceLabel, Url = options.ServiceBaseUrl },
        };
    }

    private static string Describe(PrefetchArea area) => area switch
    {
        PrefetchArea.Patient => "patient record",
        PrefetchArea.Labs => "lab results",
        PrefetchArea.Conditions => "problem list",
        PrefetchArea.MedicationRequests => "medication orders",
        PrefetchArea.MedicationStatements => "medication list",
        PrefetchArea.MedicationAdministrations => "injections given",
        PrefetchArea.Procedures => "procedures",
        PrefetchArea.Allergies => "allergies",
        PrefetchArea.Findings => "coded findings",
        _ => area.ToString(),
    };

    /// <summary>For each rule, the built-in fact types it depends on: those it reads, and those behind the derived facts it reads.</summary>
    private static Dictionary<string, HashSet<string>> BaseReads(RuleSet ruleSet)
    {
        var derivers = new Dictionary<string, List<Rule>>(StringComparer.Ordinal);
        foreach (var rule in ruleSet.Rules)
        {
            foreach (var type in rule.Derives)
            {
                if (!derivers.TryGetValue(type, out var list))
                {
                    derivers[type] = list = [];
                }

                list.Add(rule);
            }
        }

        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var rule in ruleSet.Rules)
        {
            var types = new HashSet<string>(StringComparer.Ordinal);
            var visited = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>(rule.Reads);
            while (pending.TryPop(out var type))
            {
                if (!visited.Add(type))
                {
                    continue;
                }

                if (BuiltIn.Contains(type))
                {
                    types.Add(type);
                }

                foreach (var read in derivers.GetValueOrDefault(type, []).SelectMany(r => r.Reads))
                {
                    pending.Push(read);
                }
            }

            result[rule.Id] = types;
        }

        return result;
    }
}
