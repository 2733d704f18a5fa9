using System.CommandLine;
using B12Cds.Rules.Hosting;
using B12Cds.Rules.Loading;
using B12Cds.Rules.Scenarios;

namespace B12Cds.Cli.Commands;

/// <summary>
/// <c>b12cds test [rules-dir] [--filter text]</c>: runs every scenario of the rules folder and prints PASS or FAIL for
/// each (file:line, name), with the diff and the explanation trace for failures, then <c>N passed, N failed</c> as the
/// last line. Exit 0 when all pass, 1 when any fails (a scenario file with errors fails), 2 when the rule set does not load.
/// </summary>
internal static class TestCommand
{
    public static Command Create(CliContext context)
    {
        var rulesDir = new Argument<string?>("rules-dir")
        {
            Description = "The rules folder (default: $B12CDS_RULES, ./rules, or the nearest rules/ above the program).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var filter = new Option<string?>("--filter") { Description = "Run only the scenarios whose name or file contains this text (case-insensitive)." };
        var trace = new Option<bool>("--trace") { Description = "Also print the trace of what fired for scenarios that pass." };

        var command = new Command("test", "Run the scenario tests (*.scenarios.yaml) of a rules folder.")
        {
            rulesDir, filter, trace,
        };

        command.SetAction(result => Run(context, result.GetValue(rulesDir), result.GetValue(filter), result.GetValue(trace)));
        return command;
    }

    private static int Run(CliContext context, string? rulesOption, string? filter, bool trace)
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
        if (loaded.RuleSet is not { } ruleSet)
        {
            foreach (var diagnostic in loaded.Diagnostics)
            {
                context.Output.WriteLine(diagnostic.ToString());
            }

            context.Output.WriteLine();
            context.Output.WriteLine($"The rule set in {rulesDirectory} does not load ({LintCommand.Count(loaded.Errors.Count(), "error")}): no scenario was run. Run 'b12cds lint' for details.");
            return CliApp.CannotRun;
        }

        var scenarios = ScenarioReader.LoadDirectory(rulesDirectory, ruleSet);
        foreach (var diagnostic in scenarios.Diagnostics)
        {
            context.Output.WriteLine(diagnostic.ToString());
        }

        if (scenarios.Diagnostics.Count > 0)
        {
            context.Output.WriteLine();
        }

        var selected = scenarios.Scenarios.Where(s => Matches(s, filter)).ToList();
        context.Output.WriteLine($"Rule set {ruleSet.Version}: running {LintCommand.Count(selected.Count, "scenario")} from {LintCommand.Count(scenarios.Files.Count, "file")}{(filter is null ? string.Empty : $" matching '{filter}'")}.");
        context.Output.WriteLine();

        var passed = 0;
        var failed = scenarios.Rejected;
        foreach (var scenario in selected)
        {
            var result = ScenarioRunner.Run(scenario, ruleSet);
            var where = $"{scenario.Location.File}:{scenario.Location.Line}";
            if (result.Passed)
            {
                passed++;
                context.Output.WriteLine($"PASS  {where}  {scenario.Name}");
                if (trace)
                {
                    context.Output.Write(ScenarioReport.Trace(result, "      "));
                }
            }
            else
            {
                failed++;
                context.Output.WriteLine($"FAIL  {where}  {scenario.Name}");
                context.Output.Write(ScenarioReport.Describe(result, "      "));
            }
        }

        if (scenarios.Rejected > 0)
        {
            context.Output.WriteLine($"FAIL  {LintCommand.Count(scenarios.Rejected, "scenario")} could not be read (see the errors above).");
        }

        if (selected.Count == 0 && filter is not null)
        {
            context.Error.WriteLine($"No scenario matches '{filter}'.");
        }

        context.Output.WriteLine();
        context.Output.WriteLine($"{passed} passed, {failed} failed");
        return failed > 0 ? CliApp.InvalidInput : CliApp.Ok;
    }

    private static bool Matches(Scenario scenario, string? filter) =>
        string.IsNullOrEmpty(filter)
        || scenario.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)
        || scenario.File.Replace('\\', '/').Contains(filter, StringComparison.OrdinalIgnoreCase);
}
