using B12Cds.Facts.Model;
using B12Cds.Rules.Model;
using B12Cds.Rules.Schema;

namespace B12Cds.Rules.Engine;

/// <summary>A rule matched by one set of facts, waiting on the agenda to fire.</summary>
internal sealed class Activation
{
    public Activation(Rule rule, int ruleIndex, Fact?[] slots, long sequence)
        : this(rule, ruleIndex, slots, sequence, new ActivationKey(rule, slots))
    {
    }

    public Activation(Rule rule, int ruleIndex, Fact?[] slots, long sequence, ActivationKey key)
    {
        Rule = rule;
        RuleIndex = ruleIndex;
        Slots = slots;
        Sequence = sequence;
        Key = key;
    }

    public Rule Rule { get; }

    /// <summary>Gets the rule's index among the evaluation's rules, by which the <see cref="Agenda"/> keeps its activations.</summary>
    public int RuleIndex { get; }

    public Fact?[] Slots { get; }

    public long Sequence { get; }

    public ActivationKey Key { get; }

    /// <summary>Gets or sets where it is on the <see cref="Agenda"/>: waiting, taken to fire, or withdrawn by a re-match.</summary>
    public ActivationState State { get; set; }

    /// <summary>Gets its place in the agenda's order.</summary>
    public AgendaOrder Order => new(Rule.Priority, Rule.Order, Sequence);
}

/// <summary>
/// An activation's place in the agenda (NRules' conflict resolution): higher priority first, then earlier in the rule
/// set, then earlier matched. A value, so the agenda's heap compares without following references to rules.
/// </summary>
/// <param name="Priority">The rule's priority.</param>
/// <param name="RuleOrder">The rule's position in the rule set.</param>
/// <param name="Sequence">When the activation was matched, counting from 0 in the evaluation.</param>
internal readonly record struct AgendaOrder(int Priority, int RuleOrder, long Sequence) : IComparable<AgendaOrder>
{
    /// <inheritdoc/>
    public int CompareTo(AgendaOrder other) =>
        Priority != other.Priority ? other.Priority.CompareTo(Priority)
        : RuleOrder != other.RuleOrder ? RuleOrder.CompareTo(other.RuleOrder)
        : Sequence.CompareTo(other.Sequence);
}

/// <summary>Where an activation is on the agenda.</summary>
internal enum ActivationState
{
    /// <summary>Waiting to fire.</summary>
    Pending,

    /// <summary>Taken from the agenda to fire.</summary>
    Taken,

    /// <summary>Withdrawn by a re-match that no longer finds it; skipped when it comes to the top of the heap.</summary>
    Withdrawn,
}

/// <summary>
/// The identity of an activation for refraction: the rule and the facts it matched (an aggregate by its members),
/// so a rule fires at most once for one set of facts.
/// </summary>
internal readonly struct ActivationKey : IEquatable<ActivationKey>
{
    private readonly Rule _rule;
    private readonly object?[] _identity;
    private readonly int _hash;

    public ActivationKey(Rule rule, Fact?[] slots)
    {
        _rule = rule;
        var length = 0;
        var hash = new HashCode();
        hash.Add(rule);
        foreach (var fact in slots)
        {
            length += fact is AggregateFact aggregate ? aggregate.Members.Count + 2 : 1;
        }

        if (length == slots.Length)
        {
            // No aggregate: the match's own slots are its identity (they are never written after the match), so
            // refraction costs no copy.
            foreach (var fact in slots)
            {
                hash.Add(fact is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(fact));
            }

            _identity = slots;
            _hash = hash.ToHashCode();
            return;
        }

        var identity = new object?[length];
        var i = 0;
        foreach (var fact in slots)
        {
            if (fact is AggregateFact aggregate)
            {
                identity[i++] = aggregate.Kind;
                hash.Add(aggregate.Kind);
                var members = aggregate.Members;
                for (var m = 0; m < members.Count; m++)
                {
                    identity[i++] = members[m];
                    hash.Add(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(members[m]));
                }

                identity[i++] = null;
            }
            else
            {
                identity[i++] = fact;
                hash.Add(fact is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(fact));
            }
        }

        _identity = identity;
        _hash = hash.ToHashCode();
    }

    public bool Equals(ActivationKey other)
    {
        if (!ReferenceEquals(_rule, other._rule) || _hash != other._hash || _identity.Length != other._identity.Length)
        {
            return false;
        }

        for (var i = 0; i < _identity.Length; i++)
        {
            if (!ReferenceEquals(_identity[i], other._identity[i]) && !(_identity[i] is string a && other._identity[i] is string b && a == b))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ActivationKey other && Equals(other);

    public override int GetHashCode() => _hash;
}
