namespace B12Cds.Rules.Scenarios;

/// <summary>How one kind of card (rule and indicator) changed between the baseline and the rule set over a population.</summary>
/// <param name="Card">The rule and indicator.</param>
/// <param name="Gained">How many patients get it now and did not with the baseline.</param>
/// <param name="Lost">How many patients got it with the baseline and do not now.</param>
public sealed record CardChange(CardKey Card, long Gained, long Lost);
