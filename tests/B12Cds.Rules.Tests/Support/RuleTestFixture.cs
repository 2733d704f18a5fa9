using System.Text;
using B12Cds.Facts.Model;
using B12Cds.Facts.Terminology;
using B12Cds.Fhir.Diagnostics;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Loading;
using B12Cds.Rules.Model;
using B12Cds.Rules.Schema;

namespace B12Cds.Rules.Tests.Support;

/// <summary>
/// The base of rule tests, in the style of NRules' <c>RuleTestFixture</c>: give rules (inline YAML, loaded against the
/// real value sets), give facts, evaluate, then check what fired. Each test gets a fresh instance (xunit), so the
/// rule set and the last result are per test.
/// </summary>
public abstract class RuleTestFixture
{
    /// <summary>The file name inline rule YAML is loaded as.</summary>
    public const string RulesFile = "rules.yaml";

    /// <summary>The file name inline parameters YAML is loaded as.</summary>
    public const string ParametersFile = "parameters.yaml";

    /// <summary>The file name inline regimens YAML is loaded as.</summary>
    public const string RegimensFile = "regimens.yaml";

    /// <summary>The evaluation time unless a test sets <see cref="Now"/>.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A small regimen table: one uk and one us regimen.</summary>
    public const string TestRegimens = """
        version: 2026.11.0
        regimens:
          - id: uk-test-im
            profile: uk
            title: Hydroxocobalamin IM (test)
            product: { system: http://www.nlm.nih.gov/research/umls/rxnorm, code: "317106", text: Hydroxocobalamin 1 mg/mL injection }
            phases:
              - { name: loading, dose: 1 mg, route: route-intramuscular, frequency: 3, period: 1 wk, duration: 2 wk, text: "1 mg IM three times a week for 2 weeks" }
              - { name: maintenance, dose: 1 mg, route: route-intramuscular, period: 3 mo, until: lifelong }
            followUp:
              - { analyte: hemoglobin, after: 8 wk, reason: "Hb at 8 weeks" }
          - id: us-test-oral
            profile: us
            title: Cyanocobalamin oral (test)
            product: { text: Cyanocobalamin 1000 mcg tablets }
            phases:
              - { name: maintenance, dose: 1000 ug, route: route-oral, period: 1 d }
        """;

    private RuleSet? _ruleSet;
    private EvaluationResult? _result;

    /// <summary>Gets the value sets and analytes, loaded once from <c>rules/valuesets</c>.</summary>
    protected static TerminologyCatalog Catalog => TestCatalog.Instance;

    /// <summary>Gets the rule set given by <see cref="GivenRules"/>.</summary>
    protected RuleSet RuleSet => _ruleSet ?? throw new InvalidOperationException("Call GivenRules first.");

    /// <summary>Gets the result of the last <see cref="Evaluate"/>.</summary>
    protected EvaluationResult Result => _result ?? throw new InvalidOperationException("Call Evaluate first.");

    /// <summary>Gets or sets the evaluation time.</summary>
    protected DateTimeOffset Now { get; set; } = DefaultNow;

    /// <summary>Gets or sets the profile evaluated in.</summary>
    protected string Profile { get; set; } = "uk";

    /// <summary>Gets or sets the evaluation options.</summary>
    protected EvaluationOptions Options { get; set; } = EvaluationOptions.Default;

    /// <summary>The date <paramref name="days"/> days before <see cref="Now"/> (yyyy-MM-dd; negative for after).</summary>
    protected string DaysAgo(int days) => Now.AddDays(-days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    // ---- Rule YAML ----

    /// <summary>
    /// One rule, with a default title, area and citation: <paramref name="when"/> and <paramref name="then"/> are YAML
    /// lists (as written under when:/then:), <paramref name="header"/> extra header lines (priority: 10).
    /// </summary>
    protected static string Rule(string id, string when, string? then = null, string? header = null)
    {
        var sb = new StringBuilder();
        sb.Append("  - id: ").Append(id).Append('\n');
        sb.Append("    title: Test rule ").Append(id).Append('\n');
        sb.Append("    area: diagnosis\n");
        sb.Append("    citations: [S1]\n");
        if (header is not null)
        {
            sb.Append(Indent(header, 4));
        }

        sb.Append("    when:\n").Append(Indent(when, 6));
        sb.Append("    then:\n").Append(Indent(then ?? $"- card: {{ indicator: info, summary: \"{id} fired\" }}", 6));
        return sb.ToString();
    }

    /// <summary>A rule file holding <paramref name="rules"/> (each from <see cref="Rule"/>).</summary>
    protected static string RuleFile(params string[] rules) => "version: 2026.11.0\nrules:\n" + string.Concat(rules);

    /// <summary>A rule file declaring derived types (<paramref name="derived"/>: YAML under derived:) and holding <paramref name="rules"/>.</summary>
    protected static string RuleFileWithDerived(string derived, params string[] rules) =>
        "version: 2026.11.0\nderived:\n" + Indent(derived, 2) + "rules:\n" + string.Concat(rules);

    // ---- Loading ----

    /// <summary>Loads inline YAML (as rules.yaml, parameters.yaml, regimens.yaml) without asserting anything.</summary>
    protected static RuleSetLoadResult Load(string rulesYaml, string? parametersYaml = null, string? regimensYaml = null)
    {
        var files = new List<(string, string)> { (RulesFile, rulesYaml) };
        if (parametersYaml is not null)
        {
            files.Add((ParametersFile, parametersYaml));
        }

        if (regimensYaml is not null)
        {
            files.Add((RegimensFile, regimensYaml));
        }

        return RuleSetLoader.Load(Catalog, files);
    }

    /// <summary>Loads several named files.</summary>
    protected static RuleSetLoadResult LoadFiles(params (string File, string Yaml)[] files) => RuleSetLoader.Load(Catalog, files);

    /// <summary>Loads inline YAML and makes it the rule set under test; fails the test on any error.</summary>
    protected RuleSet GivenRules(string rulesYaml, string? parametersYaml = null, string? regimensYaml = null) =>
        Given(Load(rulesYaml, parametersYaml, regimensYaml));

    /// <summary>Makes a load result's rule set the one under test; fails the test on any error.</summary>
    protected RuleSet Given(RuleSetLoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.RuleSet is null)
        {
            Assert.Fail("The rules did not load:\n" + string.Join("\n", result.Diagnostics));
        }

        _ruleSet = result.RuleSet;
        return _ruleSet;
    }

    // ---- Evaluation ----

    /// <summary>Evaluates the rule set over <paramref name="facts"/> at <see cref="Now"/> in <see cref="Profile"/>.</summary>
    protected EvaluationResult Evaluate(params Fact[] facts) =>
        _result = RuleEngine.Instance.Evaluate(RuleSet, facts, new EvaluationContext(Now, Profile), Options);

    // ---- Assertions on the last result ----

    /// <summary>Asserts the rule fired (at least once) and returns its first firing.</summary>
    protected Firing Fired(string ruleId)
    {
        var firings = FiringsOf(ruleId);
        Assert.True(firings.Count > 0, $"Expected {ruleId} to fire; fired: [{FiredIds()}].");
        return firings[0];
    }

    /// <summary>Asserts none of the rules fired.</summary>
    protected void NotFired(params string[] ruleIds)
    {
        ArgumentNullException.ThrowIfNull(ruleIds);
        foreach (var id in ruleIds)
        {
            Assert.True(FiringsOf(id).Count == 0, $"Expected {id} not to fire; fired: [{FiredIds()}].");
        }
    }

    /// <summary>Asserts the rule fired exactly <paramref name="times"/> times.</summary>
    protected void FiredTimes(string ruleId, int times) =>
        Assert.True(FiringsOf(ruleId).Count == times, $"Expected {ruleId} to fire {times} time(s), it fired {FiringsOf(ruleId).Count}; fired: [{FiredIds()}].");

    /// <summary>Asserts that exactly these rules fired, in this order (one entry per firing).</summary>
    protected void FiredInOrder(params string[] ruleIds) => Assert.Equal(ruleIds, Result.Firings.Select(f => f.Rule.Id));

    /// <summary>Gets the firings of a rule, in order.</summary>
    protected IReadOnlyList<Firing> FiringsOf(string ruleId) => Result.Firings.Where(f => f.Rule.Id == ruleId).ToList();

    /// <summary>Gets the single card of a rule.</summary>
    protected CardConclusion CardOf(string ruleId)
    {
        var cards = Result.Cards.Where(c => c.Firing.Rule.Id == ruleId).ToList();
        Assert.True(cards.Count == 1, $"Expected one card from {ruleId}, found {cards.Count}.");
        return cards[0];
    }

    /// <summary>Gets the summary of the single card of a rule.</summary>
    protected string CardSummary(string ruleId) => CardOf(ruleId).Summary;

    /// <summary>Gets the detail of the single card of a rule.</summary>
    protected string? CardDetail(string ruleId) => CardOf(ruleId).Detail;

    /// <summary>Gets the derived facts of a type, in the order they were derived.</summary>
    protected IReadOnlyList<DerivedFact> Derived(string typeName) => Result.DerivedFacts.Where(d => d.TypeName == typeName).ToList();

    /// <summary>Gets the fact bound to <paramref name="binding"/> in a firing.</summary>
    protected static Fact Bound(Firing firing, string binding)
    {
        ArgumentNullException.ThrowIfNull(firing);
        return Assert.Single(firing.Matched, m => m.Binding == binding).Fact;
    }

    // ---- Assertions on load results ----

    /// <summary>Asserts the load failed with exactly one diagnostic <paramref name="id"/>, an error at this position; returns it.</summary>
    protected static FileDiagnostic AssertError(RuleSetLoadResult result, string id, int line, int column, string file = RulesFile)
    {
        var diagnostic = AssertDiagnostic(result, id, line, column, file);
        Assert.True(diagnostic.IsError, $"Expected an error, got {diagnostic}.");
        Assert.Null(result.RuleSet);
        return diagnostic;
    }

    /// <summary>Asserts exactly one diagnostic <paramref name="id"/>, a warning at this position; returns it.</summary>
    protected static FileDiagnostic AssertWarning(RuleSetLoadResult result, string id, int line, int column, string file = RulesFile)
    {
        var diagnostic = AssertDiagnostic(result, id, line, column, file);
        Assert.Equal(IssueSeverity.Warning, diagnostic.Severity);
        return diagnostic;
    }

    /// <summary>Asserts there is no error (warnings are allowed).</summary>
    protected static void AssertNoErrors(RuleSetLoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Assert.True(!result.Errors.Any(), "Unexpected errors:\n" + string.Join("\n", result.Errors));
        Assert.NotNull(result.RuleSet);
    }

    private static FileDiagnostic AssertDiagnostic(RuleSetLoadResult result, string id, int line, int column, string file)
    {
        ArgumentNullException.ThrowIfNull(result);
        var all = string.Join("\n", result.Diagnostics);
        var matching = result.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"Expected one {id}, found {matching.Count}:\n{all}");
        Assert.True(new SourceLocation(file, line, column) == matching[0].Location, $"Expected {id} at {file}:{line}:{column}:\n{all}");
        return matching[0];
    }

    private string FiredIds() => string.Join(", ", Result.Firings.Select(f => f.Rule.Id));

    private static string Indent(string text, int spaces)
    {
        var pad = new string(' ', spaces);
        var sb = new StringBuilder();
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n'))
        {
            sb.Append(line.Length == 0 ? string.Empty : pad + line).Append('\n');
        }

        return sb.ToString();
    }
}
