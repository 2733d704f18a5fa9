using B12Cds.Facts.Model;
using B12Cds.Rules.Model;
using B12Cds.Rules.Schema;

namespace B12Cds.Rules.Engine;

/// <summary>A rule matched by one set of facts, waiting on the agenda to fire.</summary>
internal sealed class Activation
{
    public Activation(Rule rule, Fact?[] slots, long sequence)
    {
        Rule = rule;
        Slots = slots;
        Sequence = sequence;
        Key = new ActivationKey(rule, slots);
    }

    public Rule Rule { get; }

    public Fact?[] Slots { get; }

    public long Sequence { get; }

    public ActivationKey Key { get; }

    /// <summary>Agenda order: higher priority first, then earlier in the rule set, then earlier matched.</summary>
    public bool IsBefore(Activation other) =>
        Rule.Priority != other.Rule.Priority ? Rule.Priority > other.Rule.Priority
        : Rule.Order != other.Rule.Order ? Rule.Order < other.Rule.Order
        : Sequence < other.Sequence;
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
        foreach (var fact in slots)
        {
            length += fact is AggregateFact aggregate ? aggregate.Members.Count + 2 : 1;
        }

        var identity = new object?[length];
        var hash = new HashCode();
        hash.Add(rule);
        var i = 0;
        foreach (var fact in slots)
        {
            if (fact is AggregateFact aggregate)
            {
                identity[i++] = aggregate.Kind;
                hash.Add(aggregate.Kind);
                foreach (var m in aggregate.Members)
                {
                    identity[i++] = m;
                    hash.Add(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(m));
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
