using System.CommandLine;
using B12Cds.Cli.Output;
using B12Cds.Facts.Terminology;
using B12Cds.Rules.Hosting;
using B12Cds.Rules.Loading;
using B12Cds.Rules.Model;
using B12Cds.Rules.Scenarios;

namespace B12Cds.Cli.Commands;

/// <summary>
/// <c>b12cds lint [rules-dir]</c>: loads the rule set and every scenario file without running anything, prints every
/// problem as <c>file:line:column: error|warning ID: message</c> and a one-line summary; <c>--schema</c> prints the
/// fact vocabulary instead. Exit 0 without errors (warnings allowed), 1 with any error, 2 when there is no rules folder.
/// </summary>
internal static class LintCommand
{
    public static Command Create(CliContext context)
    {
        var rulesDir = new Argument<string?>("rules-dir")
        {
            Description = "The rules folder (default: $B12CDS_RULES, ./rules, or the nearest rules/ above the program).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var schema = new Option<bool>("--schema") { Description = "Print the fact vocabulary (every fact type and field, with its type and meaning) and the parameters." };

        var command = new Command("lint", "Validate the rule files, parameters, regimens, value sets and scenario files without running them.")
        {
            rulesDir, schema,
        };

        command.SetAction(result => Run(context, result.GetValue(rulesDir), result.GetValue(schema)));
        return command;
    }

    private static int Run(CliContext context, string? rulesOption, bool schema)
    {
        var rulesDirectory = RulesLocator.Find(rulesOption);
        if (rulesDirectory is null || !Directory.Exists(rulesDirectory))
        {
            context.Error.WriteLine(rulesDirectory is null
                ? $"No rules folder found: pass it as an argument or set {RulesLocator.EnvironmentVariable}."
                : $"The rules folder '{rulesDirectory}' does not exist.");
            return CliApp.CannotRun;
        }

        var loaded = RuleSetLoader.LoadDirectory(rulesDirectory);
        if (schema && loaded.RuleSet is { } schemaSet)
        {
            SchemaPrinter.Print(context.Output, schemaSet);
            return CliApp.Ok;
        }

        var scenarios = ScenarioReader.LoadDirectory(rulesDirectory, loaded.RuleSet);
        List<FileDiagnostic> all = [.. loaded.Diagnostics, .. scenarios.Diagnostics];
        foreach (var diagnostic in all)
        {
            context.Output.WriteLine(diagnostic.ToString());
        }

        var errors = all.Count(d => d.IsError);
        var warnings = all.Count(d => !d.IsError && d.Severity >= Fhir.Diagnostics.IssueSeverity.Warning);
        var problems = $"{Count(errors, "error")}, {Count(warnings, "warning")}";
        var scenarioText = $"{Count(scenarios.Scenarios.Count + scenarios.Rejected, "scenario")} in {Count(scenarios.Files.Count, "file")}";
        if (all.Count > 0)
        {
            context.Output.WriteLine();
        }

        context.Output.WriteLine(loaded.RuleSet is { } ruleSet
            ? $"{Summary(ruleSet)}; {scenarioText}: {problems}"
            : $"The rule set in {rulesDirectory} does not load: {problems} ({scenarioText} checked for structure only).");
        return errors > 0 ? CliApp.InvalidInput : CliApp.Ok;
    }

    /// <summary>Describes a loaded rule set in one line: rules, files, version, parameters, regimens, value sets.</summary>
    internal static string Summary(RuleSet ruleSet)
    {
        var files = ruleSet.Rules.Select(r => r.Location.File).Distinct(StringComparer.Ordinal).Count();
        return $"{Count(ruleSet.Rules.Count, "rule")} in {Count(files, "file")}, version {ruleSet.Version}, {Count(ruleSet.Parameters.Count, "parameter")}, "
            + $"{Count(ruleSet.Regimens.Count, "regimen")}, {Count(ruleSet.Terminology.ValueSets.Count, "value set")}, {Count(ruleSet.Terminology.Analytes.Count, "lab analyte")}";
    }

    internal static string Count(long n, string noun) => $"{n} {noun}{(n == 1 ? string.Empty : "s")}";
}
