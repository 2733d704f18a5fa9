namespace B12Cds.Rules.Model;

/// <summary>
/// A suggestion a card offers, as the rule file states it: a label and what to propose — a regimen from the regimen
/// table (becomes a ready-to-sign MedicationRequest), a lab test by analyte id (a ServiceRequest), or a referral.
/// </summary>
/// <param name="Label">The button text, e.g. "Order serum MMA".</param>
/// <param name="Regimen">A regimen id from the regimen table, if it proposes treatment.</param>
/// <param name="Order">An analyte id, if it proposes a lab test.</param>
/// <param name="Referral">A specialty, if it proposes a referral (haematology, gastroenterology…).</param>
/// <param name="IsRecommended">Whether it is the recommended choice (CDS Hooks <c>isRecommended</c>).</param>
public sealed record SuggestionTemplate(string Label, string? Regimen, string? Order, string? Referral, bool IsRecommended);
