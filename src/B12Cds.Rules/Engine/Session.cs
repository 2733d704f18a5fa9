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
    private readonly IReadOnlyDictionary<string, int[]> _readers;
    private readonly WorkingMemory _memory;
    private readonly int _maxFirings;
    private readonly Agenda _agenda;
    private readonly HashSet<ActivationKey> _fired = [];
    private readonly List<Firing> _firings = [];
    private readonly List<Fact?[]> _matches = [];
    private List<CardConclusion>? _cards;
    private List<CarePlanConclusion>? _carePlan;
    private List<EvaluationError>? _errors;
    private long _sequence;
    private MatchRow? _scratch;

    public Session(RuleSet ruleSet, IEnumerable<Fact> facts, EvaluationContext context, EvaluationOptions options)
    {
        _ruleSet = ruleSet;
        _context = context;
        var runnable = ruleSet.RunnableIn(context.Profile, options.IncludeDrafts);
        _rules = runnable.Rules;
        _readers = runnable.ReadersByType;
        _agenda = new Agenda(_rules.Count);
        _memory = new WorkingMemory(facts);
        _maxFirings = options.MaxFirings;
    }

    public EvaluationResult Run()
    {
        // Index loops over IReadOnlyList: a foreach would allocate an enumerator each time, on every evaluation.
        for (var i = 0; i < _rules.Count; i++)
        {
            Activate(i);
        }

        while (_agenda.TryPop(out var next))
        {
            if (!_fired.Add(next.Key))
            {
                continue;
            }

            if (_firings.Count >= _maxFirings)
            {
                throw new RuleCycleException(_firings.Count, _firings.TakeLast(200).GroupBy(f => f.Rule.Id).OrderByDescending(g => g.Count()).Select(g => g.Key).Take(8).ToList());
            }

            if (Fire(next) is not { } derivedTypes)
            {
                continue;
            }

            foreach (var type in derivedTypes)
            {
                if (!_readers.TryGetValue(type, out var readers))
                {
                    continue;
                }

                foreach (var index in readers)
                {
                    // A rule that reads the type only under 'not' gains nothing from a new fact of it: re-match it
                    // only when it has pending activations the new fact may withdraw.
                    if (_rules[index].ReadsPositively.Contains(type) || _agenda.HasPending(index))
                    {
                        Reactivate(index);
                    }
                }
            }
        }

        return new EvaluationResult
        {
            RuleSetVersion = _ruleSet.Version,
            Context = _context,
            Firings = _firings,
            Cards = _cards ?? [],
            CarePlan = _carePlan ?? [],
            DerivedFacts = _memory.Derived,
            Errors = _errors ?? [],
        };
    }

    /// <summary>Matches the rule at <paramref name="index"/> in <see cref="_rules"/> for the first time.</summary>
    private void Activate(int index)
    {
        // Nothing has fired yet, so no match is refracted.
        var rule = _rules[index];
        foreach (var slots in SafeMatch(rule))
        {
            _agenda.Add(new Activation(rule, index, slots, _sequence++));
        }
    }

    /// <summary>A failure of one rule on this patient's data (logged, the other rules still run), as opposed to a bug.</summary>
    private static bool IsRuleFailure(Exception ex) =>
        ex is InvalidOperationException or ArgumentException or FormatException or OverflowException or ArithmeticException or KeyNotFoundException;

    /// <summary>
    /// Re-matches a rule after a fact it reads was derived: its pending activations are replaced by the current
    /// matches. An activation still valid keeps its place in the order it was first matched; one no longer matched is
    /// withdrawn.
    /// </summary>
    private void Reactivate(int index)
    {
        var rule = _rules[index];
        var pending = _agenda.PendingOf(index);
        Dictionary<ActivationKey, Activation>? stale = null;
        if (pending.Count > 0)
        {
            stale = new Dictionary<ActivationKey, Activation>(pending.Count);
            for (var i = 0; i < pending.Count; i++)
            {
                stale[pending[i].Key] = pending[i];
            }
        }

        List<Activation>? added = null;
        foreach (var slots in SafeMatch(rule))
        {
            var key = new ActivationKey(rule, slots);
            if (_fired.Contains(key) || (stale is not null && stale.Remove(key)))
            {
                continue;
            }

            (added ??= []).Add(new Activation(rule, index, slots, _sequence++, key));
        }

        if (stale is not null)
        {
            foreach (var withdrawn in stale.Values)
            {
                _agenda.Withdraw(withdrawn);
            }
        }

        if (added is not null)
        {
            foreach (var activation in added)
            {
                _agenda.Add(activation);
            }
        }
    }

    /// <summary>
    /// Matches one rule; a condition that fails for this patient costs that rule only, never the evaluation. The list
    /// returned is the session's, reused by the next match.
    /// </summary>
    private List<Fact?[]> SafeMatch(Rule rule)
    {
        _matches.Clear();
        try
        {
            var slots = rule.SlotNames.Count;
            if (_scratch is null || _scratch.Slots.Length < slots)
            {
                _scratch = new MatchRow(Math.Max(slots, 8), _context);
            }

            Matcher.Match(rule, _memory, _scratch, _matches);
        }
        catch (Exception ex) when (IsRuleFailure(ex))
        {
            (_errors ??= []).Add(new EvaluationError(rule.Id, $"conditions failed: {ex.Message}"));
            _matches.Clear();
        }

        return _matches;
    }

    /// <summary>Fires an activation; returns the fact types it derived new facts of, or null when none.</summary>
    private List<string>? Fire(Activation activation)
    {
        var rule = activation.Rule;

        // The activation's slots are never written after the match, so the firing's row (kept by its cards to render
        // their texts later) shares them.
        var row = new MatchRow(activation.Slots, _context);
        var count = 0;
        foreach (var fact in activation.Slots)
        {
            count += fact is null ? 0 : 1;
        }

        var matched = new MatchedFact[count];
        for (int i = 0, m = 0; i < activation.Slots.Length; i++)
        {
            if (activation.Slots[i] is { } fact)
            {
                matched[m++] = new MatchedFact(rule.SlotNames[i], fact);
            }
        }

        var firing = new Firing(rule, _firings.Count + 1, matched);
        _firings.Add(firing);
        List<string>? derived = null;
        for (var i = 0; i < rule.Actions.Count; i++)
        {
            var action = rule.Actions[i];
            try
            {
                Execute(action, firing, row, ref derived);
            }
            catch (Exception ex) when (IsRuleFailure(ex))
            {
                // A rule whose action fails for this patient produces nothing; the others still run.
                (_errors ??= []).Add(new EvaluationError(rule.Id, $"{action.GetType().Name.Replace("Action", string.Empty, StringComparison.Ordinal).ToLowerInvariant()} failed: {ex.Message}"));
            }
        }

        return derived;
    }

    private void Execute(RuleAction action, Firing firing, MatchRow row, ref List<string>? derived)
    {
        switch (action)
        {
            case DeriveAction derive:
                var fields = new Dictionary<string, Value>(derive.Fields.Count, StringComparer.Ordinal);
                for (var i = 0; i < derive.Fields.Count; i++)
                {
                    var (name, value) = derive.Fields[i];
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
                if (_memory.TryDerive(fact) && (derived is null || !derived.Contains(derive.TypeName, StringComparer.Ordinal)))
                {
                    (derived ??= []).Add(derive.TypeName);
                }

                break;

            case CardAction card:
                (_cards ??= []).Add(new CardConclusion(card.Summary, card.Detail, row)
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
                (_carePlan ??= []).Add(new CarePlanConclusion(firing, _ruleSet.Regimens[plan.RegimenId]));
                break;
        }
    }
}
