namespace B12Cds.Rules.Scenarios;

/// <summary>A card a scenario expects: from this rule, with this indicator, its summary containing this text.</summary>
/// <param name="Rule">The id of the rule that must emit it.</param>
/// <param name="Indicator">info, warning or critical; any when null.</param>
/// <param name="SummaryContains">Text the summary must contain (case-insensitive); anything when null.</param>
public sealed record ExpectedCard(string Rule, string? Indicator, string? SummaryContains)
{
    /// <summary>Describes the expectation in words, e.g. <c>a DX-04 warning card whose summary contains "deficiency"</c>.</summary>
    public string Describe() =>
        $"a {Rule}{(Indicator is null ? string.Empty : " " + Indicator)} card{(SummaryContains is null ? string.Empty : $" whose summary contains \"{SummaryContains}\"")}";
}
