using B12Cds.Facts.Model;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Model;
using B12Cds.Rules.Schema;

namespace B12Cds.Cards.CdsHooks;

/// <summary>Explains firings: the facts each matched (with their FHIR sources), and the firings that derived the facts it matched.</summary>
internal static class FactExplainer
{
    /// <summary>Explains one firing in the given role.</summary>
    public static CardExplanation Explain(Firing firing, string role) => new()
    {
        Rule = firing.Rule.Id,
        Title = firing.Rule.Title,
        Role = role,
        Sequence = firing.Sequence,
        Citations = firing.Rule.Citations,
        Facts = Facts(firing),
    };

    /// <summary>Gets the facts a firing matched; the members of an aggregate (count, trend) are listed after it.</summary>
    public static IReadOnlyList<ExplainedFact> Facts(Firing firing)
    {
        var facts = new List<ExplainedFact>();
        foreach (var m in firing.Matched)
        {
            facts.Add(Describe(m.Binding, m.Fact));
            if (m.Fact is AggregateFact aggregate)
            {
                facts.AddRange(aggregate.Members.Select(member => Describe(m.Binding, member)));
            }
        }

        return facts;
    }

    /// <summary>
    /// Gets the firings that derived the facts <paramref name="firing"/> matched, and theirs in turn (breadth first,
    /// each once). A derived fact whose firing is not in <paramref name="result"/> names its rule from <paramref name="rules"/>.
    /// </summary>
    public static IReadOnlyList<CardExplanation> Basis(Firing firing, EvaluationResult result, IReadOnlyDictionary<string, Rule> rules)
    {
        var explanations = new List<CardExplanation>();
        var seen = new HashSet<Firing>(ReferenceEqualityComparer.Instance) { firing };
        var seenRules = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<Fact>(firing.Matched.Select(m => m.Fact));
        var steps = 0;
        while (queue.Count > 0 && steps++ < 256)
        {
            switch (queue.Dequeue())
            {
                case DerivedFact derived:
                    var source = FiringOf(derived, result);
                    if (source is not null)
                    {
                        if (seen.Add(source))
                        {
                            explanations.Add(Explain(source, CardExplanation.BasisRole));
                            foreach (var m in source.Matched)
                            {
                                queue.Enqueue(m.Fact);
                            }
                        }
                    }
                    else if (seenRules.Add(derived.RuleId))
                    {
                        var rule = rules.GetValueOrDefault(derived.RuleId);
                        explanations.Add(new CardExplanation
                        {
                            Rule = derived.RuleId,
                            Title = rule?.Title ?? derived.RuleId,
                            Role = CardExplanation.BasisRole,
                            Citations = rule?.Citations ?? [],
                            Facts = [.. derived.Basis.Select(b => Describe(null, b))],
                        });
                        foreach (var b in derived.Basis)
                        {
                            queue.Enqueue(b);
                        }
                    }

                    break;
                case AggregateFact aggregate:
                    foreach (var member in aggregate.Members)
                    {
                        queue.Enqueue(member);
                    }

                    break;
            }
        }

        return explanations;
    }

    /// <summary>Describes one fact.</summary>
    public static ExplainedFact Describe(string? binding, Fact fact) => new()
    {
        Binding = binding,
        Type = fact.FactType,
        Reference = fact.Source.Reference,
        Path = fact.Source.Path,
        Text = fact switch
        {
            DerivedFact d => $"{d.TypeName} from {d.RuleId}: {string.Join(", ", d.Fields.Select(f => $"{f.Key} = {f.Value}"))}",
            AggregateFact a => $"{a.Kind}: {string.Join(", ", a.Fields.Where(f => f.Value.Kind != ValueKind.Fact).Select(f => $"{f.Key} = {f.Value}"))}",
            _ => FactText.Describe(fact),
        },
    };

    private static Firing? FiringOf(DerivedFact derived, EvaluationResult result)
    {
        foreach (var f in result.Firings)
        {
            if (string.Equals(f.Rule.Id, derived.RuleId, StringComparison.Ordinal)
                && f.Matched.Count == derived.Basis.Count
                && f.Matched.Select(m => m.Fact).SequenceEqual(derived.Basis, ReferenceEqualityComparer.Instance))
            {
                return f;
            }
        }

        return null;
    }
}
