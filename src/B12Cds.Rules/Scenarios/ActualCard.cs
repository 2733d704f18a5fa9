namespace B12Cds.Rules.Scenarios;

/// <summary>A card a scenario run produced, as the diff shows it.</summary>
/// <param name="Rule">The rule that emitted it.</param>
/// <param name="Indicator">info, warning or critical.</param>
/// <param name="Summary">The rendered summary.</param>
public sealed record ActualCard(string Rule, string Indicator, string Summary)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Rule} {Indicator}";
}
