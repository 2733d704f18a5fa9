namespace B12Cds.Rules.Model;

/// <summary>Where a rule is in its life: only active rules run in production; drafts run in tests and dry runs on request.</summary>
public enum RuleStatus
{
    /// <summary>Being written: validated, run by scenarios and <c>simulate --include-drafts</c>, never in production.</summary>
    Draft,

    /// <summary>In use.</summary>
    Active,

    /// <summary>Withdrawn: validated, never run, kept for history.</summary>
    Retired,
}
