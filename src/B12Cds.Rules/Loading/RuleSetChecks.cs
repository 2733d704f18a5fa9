using B12Cds.Facts.Terminology;
using B12Cds.Fhir.Diagnostics;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Model;
using B12Cds.Rules.Schema;

namespace B12Cds.Rules.Loading;

/// <summary>Checks across rules: unreachable rules, absence tests that may run before the fact is derived, and derive cycles.</summary>
internal static class RuleSetChecks
{
    public static void Run(List<Rule> rules, FactSchema schema, List<FileDiagnostic> diagnostics)
    {
        var live = rules.Where(r => r.Status != RuleStatus.Retired).ToList();
        var derivedBy = new Dictionary<string, List<Rule>>(StringComparer.Ordinal);
        foreach (var rule in live)
        {
            foreach (var type in rule.Derives)
            {
                if (!derivedBy.TryGetValue(type, out var list))
                {
                    derivedBy[type] = list = [];
                }

                list.Add(rule);
            }
        }

        foreach (var rule in live)
        {
            // A positive condition on a derived type nobody derives can never match.
            foreach (var type in PositiveReads(rule).Where(t => schema.TryGet(t, out var s) && s.IsDerived))
            {
                var producers = derivedBy.GetValueOrDefault(type) ?? [];
                var usable = producers.Where(p => p.Status == RuleStatus.Active || rule.Status == RuleStatus.Draft).ToList();
                if (usable.Count == 0)
                {
                    diagnostics.Add(new FileDiagnostic(RuleDiagnosticIds.UnreachableRule, IssueSeverity.Error, rule.Location, $"Rule {rule.Id} can never fire: it needs a {type} fact, and no {(rule.Status == RuleStatus.Active ? "active " : string.Empty)}rule derives {type}."));
                }
            }

            // A 'not' on a derived type must run after the rules that derive it.
            foreach (var type in NegatedReads(rule))
            {
                foreach (var producer in derivedBy.GetValueOrDefault(type) ?? [])
                {
                    if (!ReferenceEquals(producer, rule) && producer.Priority <= rule.Priority)
                    {
                        diagnostics.Add(new FileDiagnostic(RuleDiagnosticIds.PriorityOrder, IssueSeverity.Warning, rule.Location, $"Rule {rule.Id} tests that there is no {type}, which {producer.Id} derives at a priority ({producer.Priority}) not above {rule.Id}'s ({rule.Priority}); the engine withdraws {rule.Id} if {type} appears before it fires, but give {producer.Id} a higher priority to make the order plain."));
                    }
                }
            }
        }

        ReportCycles(live, schema, diagnostics);
    }

    private static IEnumerable<string> PositiveReads(Rule rule) => rule.Patterns.SelectMany(p => p switch
    {
        FactPatternNode f => [f.Type.Name],
        ExistsNode e => [e.Inner.Type.Name],
        TrendNode t => [t.Inner.Type.Name],
        _ => Array.Empty<string>(),
    });

    private static IEnumerable<string> NegatedReads(Rule rule) => rule.Patterns.OfType<NotNode>().Select(n => n.Inner.Type.Name).Where(n => !FactSchema.BuiltInNames.Contains(n));

    private static void ReportCycles(List<Rule> rules, FactSchema schema, List<FileDiagnostic> diagnostics)
    {
        // Edges: a derived type a rule reads -> each derived type it derives.
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var witness = new Dictionary<(string, string), Rule>();
        foreach (var rule in rules)
        {
            foreach (var read in rule.Reads.Where(t => schema.TryGet(t, out var s) && s.IsDerived))
            {
                foreach (var derived in rule.Derives)
                {
                    if (!edges.TryGetValue(read, out var set))
                    {
                        edges[read] = set = new HashSet<string>(StringComparer.Ordinal);
                    }

                    set.Add(derived);
                    witness.TryAdd((read, derived), rule);
                }
            }
        }

        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in edges.Keys)
        {
            var path = FindCycle(start, start, edges, [], new HashSet<string>(StringComparer.Ordinal));
            if (path is null || !reported.Add(string.Join('>', path.Order(StringComparer.Ordinal))))
            {
                continue;
            }

            var involved = path.Zip(path.Skip(1).Append(path[0])).Select(e => witness[(e.First, e.Second)]).Distinct().ToList();
            diagnostics.Add(new FileDiagnostic(
                RuleDiagnosticIds.DeriveCycle,
                IssueSeverity.Warning,
                involved[0].Location,
                $"Derived fact types feed each other in a loop ({string.Join(" -> ", path.Append(path[0]))}) through rules {string.Join(", ", involved.Select(r => r.Id))}; the engine's cycle guard stops a runaway evaluation, but check the loop ends."));
        }
    }

    private static List<string>? FindCycle(string start, string current, Dictionary<string, HashSet<string>> edges, List<string> path, HashSet<string> visited)
    {
        path.Add(current);
        visited.Add(current);
        foreach (var next in edges.GetValueOrDefault(current) ?? [])
        {
            if (next == start)
            {
                return [.. path];
            }

            if (!visited.Contains(next) && FindCycle(start, next, edges, path, visited) is { } found)
            {
                return found;
            }
        }

        path.RemoveAt(path.Count - 1);
        return null;
    }
}
