namespace B12Cds.Cards;

/// <summary>
/// The stable URIs B12 CDS names its own concepts with: the clinical-area code system of <c>source.topic</c>, the
/// override-reason code system, and the canonical URL of a rule (FHIR <c>instantiatesCanonical</c>).
/// </summary>
public static class B12CdsUris
{
    /// <summary>The code system of a card's <c>source.topic</c>: the rule's clinical area (diagnosis, regimen…).</summary>
    public const string Area = "urn:b12cds:area";

    /// <summary>The code system of a card's <c>overrideReasons</c>.</summary>
    public const string OverrideReason = "urn:b12cds:override-reason";

    /// <summary>The prefix of a rule's canonical URL: <c>urn:b12cds:rule:DX-04|2026.11.0+ab12</c>.</summary>
    public const string RulePrefix = "urn:b12cds:rule:";

    /// <summary>Gets the canonical URL of a rule at a rule-set version (FHIR canonical: <c>url|version</c>).</summary>
    public static string Rule(string ruleId, string ruleSetVersion)
    {
        ArgumentException.ThrowIfNullOrEmpty(ruleId);
        ArgumentException.ThrowIfNullOrEmpty(ruleSetVersion);
        return $"{RulePrefix}{ruleId}|{ruleSetVersion}";
    }
}
