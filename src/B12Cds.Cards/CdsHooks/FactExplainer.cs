using System.Text;
using B12Cds.Facts.Model;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Model;
using B12Cds.Rules.Schema;

namespace B12Cds.Cards.CdsHooks;

/// <summary>
/// Explains firings: the facts each matched (with their FHIR sources), and the firings that derived the facts it matched.
/// An instance explains the firings of one evaluation and remembers what it explained: the cards of a response share
/// facts and basis firings, and each is described once (the explanations are immutable, so cards share them).
/// </summary>
internal sealed class FactExplainer(EvaluationResult result, IReadOnlyDictionary<string, Rule> rules)
{
    private readonly Dictionary<Fact, string> _texts = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Firing, IReadOnlyList<ExplainedFact>> _facts = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Firing, CardExplanation> _basis = new(ReferenceEqualityComparer.Instance);
    private Dictionary<string, List<Firing>>? _firingsByRule;

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
                foreach (var member in aggregate.Members)
                {
                    facts.Add(Describe(m.Binding, member));
                }
            }
        }

        return facts;
    }

    /// <summary>Describes one fact.</summary>
    public static ExplainedFact Describe(string? binding, Fact fact) => new()
    {
        Binding = binding,
        Type = fact.FactType,
        Reference = fact.Source.Reference,
        Path = fact.Source.Path,
        Text = Text(fact),
    };

    /// <summary>Explains one firing of this evaluation in the given role (<see cref="Explain(Firing, string)"/>, its facts described once).</summary>
    public CardExplanation ExplainOnce(Firing firing, string role) => new()
    {
        Rule = firing.Rule.Id,
        Title = firing.Rule.Title,
        Role = role,
        Sequence = firing.Sequence,
        Citations = firing.Rule.Citations,
        Facts = FactsOnce(firing),
    };

    /// <summary>
    /// Gets the firings that derived the facts <paramref name="firing"/> matched, and theirs in turn (breadth first,
    /// each once). A derived fact whose firing is not in the evaluation names its rule from the rule set.
    /// </summary>
    public IReadOnlyList<CardExplanation> Basis(Firing firing)
    {
        var explanations = new List<CardExplanation>();
        var seen = new HashSet<Firing>(ReferenceEqualityComparer.Instance) { firing };
        var seenRules = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<Fact>();
        foreach (var m in firing.Matched)
        {
            queue.Enqueue(m.Fact);
        }

        var steps = 0;
        while (queue.Count > 0 && steps++ < 256)
        {
            switch (queue.Dequeue())
            {
                case DerivedFact derived:
                    var source = FiringOf(derived);
                    if (source is not null)
                    {
                        if (seen.Add(source))
                        {
                            if (!_basis.TryGetValue(source, out var explained))
                            {
                                explained = ExplainOnce(source, CardExplanation.BasisRole);
                                _basis.Add(source, explained);
                            }

                            explanations.Add(explained);
                            foreach (var m in source.Matched)
                            {
                                queue.Enqueue(m.Fact);
                            }
                        }
                    }
                    else if (seenRules.Add(derived.RuleId))
                    {
                        var rule = rules.GetValueOrDefault(derived.RuleId);
                        var facts = new ExplainedFact[derived.Basis.Count];
                        for (var i = 0; i < facts.Length; i++)
                        {
                            facts[i] = DescribeOnce(null, derived.Basis[i]);
                        }

                        explanations.Add(new CardExplanation
                        {
                            Rule = derived.RuleId,
                            Title = rule?.Title ?? derived.RuleId,
                            Role = CardExplanation.BasisRole,
                            Citations = rule?.Citations ?? [],
                            Facts = facts,
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

    private IReadOnlyList<ExplainedFact> FactsOnce(Firing firing)
    {
        if (_facts.TryGetValue(firing, out var known))
        {
            return known;
        }

        var facts = new List<ExplainedFact>(firing.Matched.Count);
        foreach (var m in firing.Matched)
        {
            facts.Add(DescribeOnce(m.Binding, m.Fact));
            if (m.Fact is AggregateFact aggregate)
            {
                foreach (var member in aggregate.Members)
                {
                    facts.Add(DescribeOnce(m.Binding, member));
                }
            }
        }

        _facts.Add(firing, facts);
        return facts;
    }

    private ExplainedFact DescribeOnce(string? binding, Fact fact)
    {
        if (!_texts.TryGetValue(fact, out var text))
        {
            text = Text(fact);
            _texts.Add(fact, text);
        }

        return new ExplainedFact
        {
            Binding = binding,
            Type = fact.FactType,
            Reference = fact.Source.Reference,
            Path = fact.Source.Path,
            Text = text,
        };
    }

    /// <summary>The firing of the evaluation that derived <paramref name="derived"/>: its rule, matching exactly the derived fact's basis.</summary>
    private Firing? FiringOf(DerivedFact derived)
    {
        if (_firingsByRule is null)
        {
            _firingsByRule = new Dictionary<string, List<Firing>>(StringComparer.Ordinal);
            foreach (var f in result.Firings)
            {
                if (!_firingsByRule.TryGetValue(f.Rule.Id, out var list))
                {
                    _firingsByRule.Add(f.Rule.Id, list = []);
                }

                list.Add(f);
            }
        }

        if (!_firingsByRule.TryGetValue(derived.RuleId, out var candidates))
        {
            return null;
        }

        foreach (var f in candidates)
        {
            if (f.Matched.Count == derived.Basis.Count && SameFacts(f.Matched, derived.Basis))
            {
                return f;
            }
        }

        return null;
    }

    private static bool SameFacts(IReadOnlyList<MatchedFact> matched, IReadOnlyList<Fact> basis)
    {
        for (var i = 0; i < matched.Count; i++)
        {
            if (!ReferenceEquals(matched[i].Fact, basis[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The one-line text of a fact: a derived fact's or an aggregate's fields, else <see cref="FactText.Describe"/>.</summary>
    private static string Text(Fact fact) => fact switch
    {
        DerivedFact d => FieldsText(new StringBuilder().Append(d.TypeName).Append(" from ").Append(d.RuleId).Append(": "), d.Fields, skipFacts: false),
        AggregateFact a => FieldsText(new StringBuilder().Append(a.Kind).Append(": "), a.Fields, skipFacts: true),
        _ => FactText.Describe(fact),
    };

    /// <summary>Appends <c>key = value</c> for each field, comma-separated (fields holding facts skipped when <paramref name="skipFacts"/>).</summary>
    private static string FieldsText(StringBuilder text, IReadOnlyDictionary<string, Value> fields, bool skipFacts)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (skipFacts && field.Value.Kind == ValueKind.Fact)
            {
                continue;
            }

            if (!first)
            {
                text.Append(", ");
            }

            first = false;
            text.Append(field.Key).Append(" = ").Append(field.Value.ToString());
        }

        return text.ToString();
    }
}
