namespace B12Cds.Rules.Scenarios;

/// <summary>
/// Stable ids of the problems scenario files (<c>*.scenarios.yaml</c>) have, beyond the structural ones they share
/// with rule files (<c>RULE001</c> YAML syntax, <c>RULE002</c> unknown key, <c>RULE003</c> missing key,
/// <c>RULE004</c> invalid value, <c>RULE005</c> duplicate key). Each is reported with file, line and column.
/// </summary>
public static class ScenarioDiagnosticIds
{
    /// <summary>A rule id in <c>fired</c>, <c>notFired</c> or <c>cards</c> that the rule set does not have.</summary>
    public const string UnknownRule = "SCEN001";

    /// <summary>The <c>bundle</c> file does not exist or cannot be read.</summary>
    public const string MissingData = "SCEN002";

    /// <summary>The given FHIR data cannot be read (an error), or part of inline data was skipped (a warning).</summary>
    public const string InvalidData = "SCEN003";

    /// <summary>Expectations that cannot all hold: a rule both fired and not fired, cards with <c>noCards</c>, a regimen with <c>noCarePlan</c>.</summary>
    public const string Contradiction = "SCEN004";

    /// <summary>A rule expected to fire that cannot run in this scenario (a draft without <c>includeDrafts</c>, a rule of the other profile, a retired rule).</summary>
    public const string CannotFire = "SCEN005";

    /// <summary>Two scenarios with the same name in one file.</summary>
    public const string DuplicateName = "SCEN006";

    /// <summary>An expected fact of a type the rule set does not derive, or a field that type does not have.</summary>
    public const string UnknownFact = "SCEN007";

    /// <summary>A <c>where</c> expression of an expected fact that does not parse or type-check.</summary>
    public const string Expression = "SCEN008";

    /// <summary>A regimen id in <c>carePlan</c> that is not in the regimen table.</summary>
    public const string UnknownRegimen = "SCEN009";
}
