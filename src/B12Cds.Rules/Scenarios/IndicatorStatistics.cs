namespace B12Cds.Rules.Scenarios;

/// <summary>The cards of one indicator over a simulated population.</summary>
/// <param name="Indicator">info, warning or critical.</param>
/// <param name="Cards">How many cards.</param>
/// <param name="Patients">How many patients got at least one.</param>
public sealed record IndicatorStatistics(string Indicator, long Cards, long Patients);
