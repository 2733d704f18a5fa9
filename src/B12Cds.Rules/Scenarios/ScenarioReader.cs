using B12Cds.Facts.Terminology;
using B12Cds.Rules.Model;

namespace B12Cds.Rules.Scenarios;

/// <summary>
/// Reads scenario files (<c>*.scenarios.yaml</c>, anywhere under the rules folder) with the same position-keeping YAML
/// reader as rule files, so every problem has file, line and column: unknown keys (with the nearest valid one),
/// rule ids the rule set does not have, missing bundle files, FHIR data that cannot be read, contradictions.
/// </summary>
/// <remarks>
/// Given the rule set, rule ids, regimen ids and expected facts are checked against it and <c>where</c> expressions
/// are compiled; without one (a rule set that does not load) only the files' own structure is checked.
/// </remarks>
public static class ScenarioReader
{
    /// <summary>The file-name ending that marks a scenario file.</summary>
    public const string FileSuffix = ".scenarios.yaml";

    /// <summary>The scenario files under a rules folder, in path order.</summary>
    public static IReadOnlyList<string> ScenarioFiles(string rulesDirectory)
    {
        ArgumentNullException.ThrowIfNull(rulesDirectory);
        return Directory.Exists(rulesDirectory)
            ? Directory.EnumerateFiles(rulesDirectory, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(FileSuffix, StringComparison.Ordinal) || f.EndsWith(".scenarios.yml", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
    }

    /// <summary>Reads every scenario file under <paramref name="rulesDirectory"/>.</summary>
    public static ScenarioLoadResult LoadDirectory(string rulesDirectory, RuleSet? ruleSet)
    {
        var files = ScenarioFiles(rulesDirectory);
        var scenarios = new List<Scenario>();
        var diagnostics = new List<FileDiagnostic>();
        var rejected = 0;
        var bundles = new Dictionary<string, Fhir.Json.FhirParseResult>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(new FileDiagnostic(Loading.RuleDiagnosticIds.YamlSyntax, Fhir.Diagnostics.IssueSeverity.Error, new SourceLocation(file, 1, 1), $"The scenario file cannot be read: {ex.Message}"));
                rejected++;
                continue;
            }

            var result = new ScenarioFileReader(file, ruleSet, bundles).Read(text);
            scenarios.AddRange(result.Scenarios);
            diagnostics.AddRange(result.Diagnostics);
            rejected += result.Rejected;
        }

        return new ScenarioLoadResult(scenarios, diagnostics, files, rejected);
    }

    /// <summary>Reads one scenario file's text; a <c>bundle:</c> path is relative to <paramref name="file"/>'s folder.</summary>
    public static ScenarioLoadResult Read(string file, string yaml, RuleSet? ruleSet)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(yaml);
        return new ScenarioFileReader(file, ruleSet).Read(yaml);
    }
}
