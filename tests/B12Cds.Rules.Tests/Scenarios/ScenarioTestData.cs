using B12Cds.Facts.Terminology;
using B12Cds.Rules.Loading;
using B12Cds.Rules.Model;

namespace B12Cds.Rules.Tests.Scenarios;

/// <summary>The repository's rules and samples for scenario tests: found by walking up to B12Cds.sln, loaded once.</summary>
internal static class ScenarioTestData
{
    private static readonly Lazy<RuleSetLoadResult> RealRules = new(() => RuleSetLoader.LoadDirectory(RulesFolder));
    private static readonly Lazy<TerminologyCatalog> RealCatalog = new(() =>
        TerminologyLoader.LoadDirectory(Path.Combine(RulesFolder, RuleSetLoader.ValueSetFolder)).Catalog
        ?? throw new InvalidOperationException("The real value sets do not load."));

    private static readonly Lazy<RuleSet> Dx04 = new(() => RuleSetWith(Dx04Snapshot.Rules));

    /// <summary>Gets a rule set of DX-04 alone (<see cref="Dx04Snapshot.Rules"/>), with the real value sets, parameters and regimens.</summary>
    public static RuleSet Dx04RuleSet => Dx04.Value;

    /// <summary>Gets the repository root.</summary>
    public static string Root => RepoPaths.Root;

    /// <summary>Gets the real <c>rules</c> folder.</summary>
    public static string RulesFolder => Path.Combine(Root, "rules");

    /// <summary>Gets the <c>fhir-samples</c> folder.</summary>
    public static string Samples => Path.Combine(Root, "fhir-samples");

    /// <summary>Gets the load result of the real rules folder.</summary>
    public static RuleSetLoadResult RealLoad => RealRules.Value;

    /// <summary>Gets the real rule set (it must load).</summary>
    public static RuleSet RealRuleSet => RealRules.Value.RuleSet
        ?? throw new InvalidOperationException("rules/ does not load:\n" + string.Join("\n", RealRules.Value.Diagnostics));

    /// <summary>Builds a rule set from inline rule YAML, with the real value sets, parameters and regimens.</summary>
    public static RuleSet RuleSetWith(string rulesYaml)
    {
        var files = new List<(string, string)>
        {
            ("rules/test.yaml", rulesYaml),
            ("rules/parameters.yaml", File.ReadAllText(Path.Combine(RulesFolder, "parameters.yaml"))),
            ("rules/regimens.yaml", File.ReadAllText(Path.Combine(RulesFolder, "regimens.yaml"))),
        };
        var result = RuleSetLoader.Load(RealCatalog.Value, files);
        return result.RuleSet ?? throw new InvalidOperationException("The test rules do not load:\n" + string.Join("\n", result.Diagnostics));
    }
}
