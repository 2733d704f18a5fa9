namespace B12Cds.Rules.Scenarios;

/// <summary>A card as simulations compare them: the rule that emitted it and its indicator.</summary>
/// <param name="Rule">The rule id.</param>
/// <param name="Indicator">info, warning or critical.</param>
public readonly record struct CardKey(string Rule, string Indicator) : IComparable<CardKey>
{
    /// <inheritdoc/>
    public int CompareTo(CardKey other)
    {
        var byRule = string.CompareOrdinal(Rule, other.Rule);
        return byRule != 0 ? byRule : string.CompareOrdinal(Indicator, other.Indicator);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Rule} {Indicator}";

    public static bool operator <(CardKey left, CardKey right) => left.CompareTo(right) < 0;

    public static bool operator <=(CardKey left, CardKey right) => left.CompareTo(right) <= 0;

    public static bool operator >(CardKey left, CardKey right) => left.CompareTo(right) > 0;

    public static bool operator >=(CardKey left, CardKey right) => left.CompareTo(right) >= 0;
}
