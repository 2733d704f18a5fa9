namespace B12Cds.Rules.Scenarios;

/// <summary>How often one rule fired over a simulated population (and with the baseline rule set, when comparing).</summary>
/// <param name="RuleId">The rule id.</param>
/// <param name="Title">The rule's title (from the rule set, else the baseline).</param>
/// <param name="Firings">How many times it fired in all.</param>
/// <param name="Patients">For how many patients it fired.</param>
/// <param name="BaselineFirings">How many times it fired with the baseline, when comparing.</param>
/// <param name="BaselinePatients">For how many patients it fired with the baseline, when comparing.</param>
public sealed record RuleStatistics(string RuleId, string Title, long Firings, long Patients, long? BaselineFirings = null, long? BaselinePatients = null);
