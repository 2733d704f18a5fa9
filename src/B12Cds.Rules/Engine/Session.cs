using B12Cds.Facts.Model;
using B12Cds.Rules.Model;
using B12Cds.Rules.Schema;

namespace B12Cds.Rules.Engine;

/// <summary>
/// One evaluation: match every rule, then fire activations one at a time from the agenda (priority, then rule order),
/// each at most once per set of facts (refraction). A derived fact re-matches the rules that read its type, which can
/// add activations (chaining) or withdraw ones whose <c>not</c> no longer holds. Stops when the agenda is empty, or
/// with <see cref="RuleCycleException"/> when it never empties.
/// </summary>
internal sealed class Session
{
    private readonly RuleSet _ruleSet;
    private readonly EvaluationContext _context;
    private readonly IReadOnlyList<Rule> _rules;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<Rule>> _readers;
    private readonly WorkingMemory _memory;
    private readonly int _maxFirings;
    private readonly List<Activation> _agenda = [];
    private readonly HashSet<ActivationKey> _fired = [];
    private readonly List<Firing> _firings = [];
    private readonly List<CardConclusion> _cards = [];
    private readonly List<CarePlanConclusion> _carePlan = [];
    private readonly List<EvaluationError> _errors = [];
    private long _sequence;
    private MatchRow? _scratch;

    public Session(RuleSet ruleSet, IEnumerable<Fact> facts, EvaluationContext context, EvaluationOptions options)
    {
        _ruleSet = ruleSet;
        _context = context;
        var runnable = ruleSet.RunnableIn(context.Profile, options.IncludeDrafts);
        _rules = runnable.Rules;
        _readers = runnable.ReadersByType;
        _memory = new WorkingMemory(facts);
        _maxFirings = options.MaxFirings;
    }

    public EvaluationResult Run()
    {
        foreach (var rule in _rules)
        {
            Activate(rule);
        }

        while (_agenda.Count > 0)
        {
            var next = PopNext();
            if (!_fired.Add(next.Key))
            {
                continue;
            }

            if (_firings.Count >= _maxFirings)
            {
                throw new RuleCycleException(_firings.Count, _firings.TakeLast(200).GroupBy(f => f.Rule.Id).OrderByDescending(g => g.Count()).Select(g => g.Key).Take(8).ToList());
            }

            var derivedTypes = Fire(next);
            foreach (var type in derivedTypes)
            {
                foreach (var rule in _readers.GetValueOrDefault(type) ?? [])
                {
                    // A rule that reads the type only under 'not' gains nothing from a new fact of it: re-match it
                    // only when it has pending activations the new fact may withdraw.
                    if (rule.ReadsPositively.Contains(type) || HasPending(rule))
                    {
                        Reactivate(rule);
                    }
                }
            }
        }

        return new EvaluationResult
        {
            RuleSetVersion = _ruleSet.Version,
            Context = _context,
            Firings = _firings,
            Cards = _cards,
            CarePlan = _carePlan,
            DerivedFacts = _memory.Derived,
            Errors = _errors,
        };
    }

    private void Activate(Rule rule)
    {
        foreach (var slots in SafeMatch(rule))
        {
            var activation = new Activation(rule, slots, _sequence++);
            if (!_fired.Contains(activation.Key))
            {
                _agenda.Add(activation);
            }
        }
    }

    /// <summary>A failure of one rule on this patient's data (logged, the other rules still run), as opposed to a bug.</summary>
    private static bool IsRuleFailure(Exception ex) =>
        ex is InvalidOperationException or ArgumentException or FormatException or OverflowException or ArithmeticException or KeyNotFoundException;

    private bool HasPending(Rule rule)
    {
        foreach (var activation in _agenda)
        {
            if (ReferenceEquals(activation.Rule, rule))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Re-matches a rule after a fact it reads was derived: its pending activations are replaced by the current matches.</summary>
    private void Reactivate(Rule rule)
    {
        Dictionary<ActivationKey, Activation>? pending = null;
        for (var i = _agenda.Count - 1; i >= 0; i--)
        {
            if (ReferenceEquals(_agenda[i].Rule, rule))
            {
                (pending ??= [])[_agenda[i].Key] = _agenda[i];
                _agenda.RemoveAt(i);
            }
        }

        foreach (var slots in SafeMatch(rule))
        {
            var key = new ActivationKey(rule, slots);
            if (_fired.Contains(key))
            {
                continue;
            }

            // An activation still valid keeps its place in the order it was first matched.
            _agenda.Add(pending is not null && pending.TryGetValue(key, out var kept) ? kept : new Activation(rule, slots, _sequence++));
        }
    }

    /// <summary>Matches one rule; a condition that fails for this patient costs that rule only, never the evaluation.</summary>
    private List<Fact?[]> SafeMatch(Rule rule)
    {
        try
        {
            var slots = rule.SlotNames.Count;
            if (_scratch is null || _scratch.Slots.Length < slots)
            {
                _scratch = new MatchRow(Math.Max(slots, 8), _context);
            }

            return Matcher.Match(rule, _memory, _scratch);
        }
        catch (Exception ex) when (IsRuleFailure(ex))
        {
            _errors.Add(new EvaluationError(rule.Id, $"conditions failed: {ex.Message}"));
            return [];
        }
    }

    private Activation PopNext()
    {
        var best = 0;
        for (var i = 1; i < _agenda.Count; i++)
        {
            if (_agenda[i].IsBefore(_agenda[best]))
            {
                best = i;
            }
        }

        var next = _agenda[best];
        _agenda.RemoveAt(best);
        return next;
    }

    private List<string> Fire(Activation activation)
    {
        var rule = activation.Rule;
        var row = new MatchRow(activation.Slots.Length, _context);
        Array.Copy(activation.Slots, row.Slots, activation.Slots.Length);
        var matched = new List<MatchedFact>();
        for (var i = 0; i < activation.Slots.Length; i++)
        {
            if (activation.Slots[i] is { } fact)
            {
                matched.Add(new MatchedFact(rule.SlotNames[i], fact));
            }
        }

        var firing = new Firing(rule, _firings.Count + 1, matched);
        _firings.Add(firing);
        var derived = new List<string>();
        foreach (var action in rule.Actions)
        {
            try
            {
                Execute(action, firing, row, derived);
            }
            catch (Exception ex) when (IsRuleFailure(ex))
            {
                // A rule whose action fails for this patient produces nothing; the others still run.
                _errors.Add(new EvaluationError(rule.Id, $"{action.GetType().Name.Replace("Action", string.Empty, StringComparison.Ordinal).ToLowerInvariant()} failed: {ex.Message}"));
            }
        }

        return derived;
    }

    private void Execute(RuleAction action, Firing firing, MatchRow row, List<string> derived)
    {
        switch (action)
        {
            case DeriveAction derive:
                var fields = new Dictionary<string, Value>(StringComparer.Ordinal);
                foreach (var (name, value) in derive.Fields)
                {
                    fields[name] = value(row);
                }

                var basis = new Fact[firing.Matched.Count];
                for (var i = 0; i < basis.Length; i++)
                {
                    basis[i] = firing.Matched[i].Fact;
                }

                var fact = new DerivedFact
                {
                    TypeName = derive.TypeName,
                    Fields = fields,
                    RuleId = firing.Rule.Id,
                    Basis = basis,
                    Source = firing.Rule.DerivedSource,
                    Label = derive.TypeName,
                };
                if (_memory.TryDerive(fact) && !derived.Contains(derive.TypeName, StringComparer.Ordinal))
                {
                    derived.Add(derive.TypeName);
                }

                break;

            case CardAction card:
                _cards.Add(new CardConclusion(card.Summary, card.Detail, row)
                {
                    Firing = firing,
                    Indicator = card.Indicator,
                    Area = card.Area,
                    Links = card.Links,
                    Suggestions = card.Suggestions,
                    Group = card.Group,
                });
                break;

            case CarePlanAction plan:
                _carePlan.Add(new CarePlanConclusion(firing, _ruleSet.Regimens[plan.RegimenId]));
                break;
        }
    }
}
