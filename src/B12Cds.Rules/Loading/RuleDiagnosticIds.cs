namespace B12Cds.Rules.Loading;

/// <summary>Stable ids of the problems rule loading reports, each with file, line and column. They never change meaning.</summary>
public static class RuleDiagnosticIds
{
    /// <summary>The file is not valid YAML (or cannot be read).</summary>
    public const string YamlSyntax = "RULE001";

    /// <summary>A key that is not part of the format (a typo such as <c>wehre</c>); the nearest valid key is suggested.</summary>
    public const string UnknownKey = "RULE002";

    /// <summary>A required key is missing (id, title, area, when, then…).</summary>
    public const string MissingKey = "RULE003";

    /// <summary>A value of the wrong shape or not one of the allowed values (an unknown area, indicator, status, select…).</summary>
    public const string InvalidValue = "RULE004";

    /// <summary>The same key twice in one mapping.</summary>
    public const string DuplicateKey = "RULE005";

    /// <summary>Two rules (or regimens, parameters, derived fact types) with the same id.</summary>
    public const string DuplicateId = "RULE006";

    /// <summary>A fact type that is neither built in nor declared under <c>derived:</c>.</summary>
    public const string UnknownFactType = "RULE007";

    /// <summary>An expression that does not parse.</summary>
    public const string ExpressionSyntax = "RULE008";

    /// <summary>An expression that does not type-check: an unknown field, a type mismatch, incompatible units, an unknown parameter or value set.</summary>
    public const string ExpressionType = "RULE009";

    /// <summary>A value set or analyte id that does not exist.</summary>
    public const string UnknownValueSet = "RULE010";

    /// <summary>A regimen id that is not in the regimen table.</summary>
    public const string UnknownRegimen = "RULE011";

    /// <summary>A rule that can never fire: it reads a derived fact type that no active rule derives.</summary>
    public const string UnreachableRule = "RULE012";

    /// <summary>A rule that tests for the absence of a derived fact that a rule of lower or equal priority derives: it may fire before that fact exists.</summary>
    public const string PriorityOrder = "RULE013";

    /// <summary>A derive action that sets a field the derived type does not declare, or with the wrong type.</summary>
    public const string DeriveField = "RULE014";

    /// <summary>A binding name used twice in one rule, or one that hides a field.</summary>
    public const string DuplicateBinding = "RULE015";

    /// <summary>The same id used for a value set and something else, or a rules folder without rule files.</summary>
    public const string Structure = "RULE016";

    /// <summary>Derived fact types that derive each other in a loop: a possible runaway rule set.</summary>
    public const string DeriveCycle = "RULE017";
}
