using System.CommandLine;
using B12Cds.Cli.Output;
using B12Cds.Rules.Hosting;
using B12Cds.Rules.Loading;
using B12Cds.Rules.Model;
using B12Cds.Rules.Scenarios;

namespace B12Cds.Cli.Commands;

/// <summary>
/// <c>b12cds simulate &lt;folder | file.ndjson&gt;</c>: the informatics team's dry run before a release. Evaluates every
/// patient in-process on all cores and reports per-rule fire counts, cards by indicator, CarePlans, throughput and bad
/// inputs; with <c>--compare</c>, which cards each patient gains or loses against a baseline rule set.
/// Exit 0 when the simulation ran (bad patients are reported, not fatal), 2 when it could not run.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("input") { Description = "A folder of FHIR JSON files (read recursively; one patient per file) or an .ndjson file (one Bundle per line)." };
        var at = new Option<string?>("--at") { Description = "The evaluation time for every patient, a FHIR date or dateTime (default: now)." };
        var profile = new Option<string>("--profile") { Description = "The regimen profile: us or uk.", DefaultValueFactory = _ => "us" };
        profile.AcceptOnlyFromAmong("us", "uk");
        var rules = new Option<string?>("--rules") { Description = "The rules folder to evaluate (default: $B12CDS_RULES, ./rules, or the nearest rules/ above the program)." };
        var compare = new Option<string?>("--compare") { Description = "A baseline rules folder (e.g. the released rules): report which cards each patient gains or loses with --rules compared with it." };
        var includeDrafts = new Option<bool>("--include-drafts") { Description = "Also run draft rules (in both rule sets)." };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("simulate", "Dry-run a rule set over many patients: fire counts, cards, throughput, bad inputs, and changes against a baseline.")
        {
            input, at, profile, rules, compare, includeDrafts, format,
        };

        command.SetAction(result => Run(
            context,
            result.GetRequiredValue(input),
            new Settings(
                result.GetValue(at),
                result.GetValue(profile) ?? "us",
                result.GetValue(rules),
                result.GetValue(compare),
                result.GetValue(includeDrafts),
                result.GetValue(format) ?? "text")));
        return command;
    }

    private static int Run(CliContext context, string input, Settings settings)
    {
        if (!EvaluationTime.TryRead(settings.At, context.Time, out var asOf))
        {
            context.Error.WriteLine($"--at '{settings.At}' is not a FHIR date or dateTime (e.g. 2026-11-21 or 2026-11-21T09:00:00Z).");
            return CliApp.CannotRun;
        }

        var opened = PatientInputs.Open(input);
        if (opened is null)
        {
            context.Error.WriteLine($"Not found: {input} (expected a folder of .json files or an .ndjson file).");
            return CliApp.CannotRun;
        }

        var (patients, count) = opened.Value;

        if (count == 0)
        {
            context.Error.WriteLine($"No patients in {input}: a folder is searched for *.json files, an .ndjson file holds one Bundle per line.");
            return CliApp.CannotRun;
        }

        var rulesDirectory = RulesLocator.Find(settings.Rules);
        if (rulesDirectory is null)
        {
            context.Error.WriteLine($"No rules folder found: pass --rules <dir> or set {RulesLocator.EnvironmentVariable}.");
            return CliApp.CannotRun;
        }

        if (Load(context, rulesDirectory, "--rules") is not { } ruleSet)
        {
            return CliApp.CannotRun;
        }

        RuleSet? baseline = null;
        if (settings.Compare is { } compareDirectory && (baseline = Load(context, compareDirectory, "--compare")) is null)
        {
            return CliApp.CannotRun;
        }

        var options = new SimulationOptions { At = asOf, Profile = settings.Profile, IncludeDrafts = settings.IncludeDrafts };
        var result = settings.Format == "json"
            ? Simulator.Run(patients, ruleSet, baseline, options, onPatientDone: null, context.Time)
            : SimulationProgress.Run(context.Output, count, advance => Simulator.Run(patients, ruleSet, baseline, options, advance, context.Time));

        if (settings.Format == "json")
        {
            SimulationJsonPrinter.Print(context.Output, result, input, rulesDirectory, settings.Compare);
        }
        else
        {
            SimulationTextPrinter.Print(context.Output, result, input, rulesDirectory, settings.Compare);
        }

        return CliApp.Ok;
    }

    private static RuleSet? Load(CliContext context, string directory, string option)
    {
        if (!Directory.Exists(directory))
        {
            context.Error.WriteLine($"{option}: the rules folder '{directory}' does not exist.");
            return null;
        }

        var loaded = RuleSetLoader.LoadDirectory(directory);
        if (loaded.RuleSet is null)
        {
            context.Error.WriteLine($"{option}: the rule set in {directory} does not load:");
            foreach (var d in loaded.Errors)
            {
                context.Error.WriteLine($"  {d}");
            }
        }

        return loaded.RuleSet;
    }

    /// <summary>The command's options, as given.</summary>
    private sealed record Settings(string? At, string Profile, string? Rules, string? Compare, bool IncludeDrafts, string Format);
}
