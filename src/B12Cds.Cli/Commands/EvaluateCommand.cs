using System.CommandLine;
using B12Cds.Cards.CdsHooks;
using B12Cds.Cards.Reports;
using B12Cds.Facts.Extraction;
using B12Cds.Fhir.Json;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Loading;

namespace B12Cds.Cli.Commands;

/// <summary>
/// <c>b12cds evaluate &lt;bundle.json&gt;</c>: runs the rule set over a Bundle and prints the CDS Hooks cards, the
/// CarePlan and the trace of every firing (text for people, or one JSON object for scripts and golden files).
/// </summary>
internal static class EvaluateCommand
{
    /// <summary>The environment variable that sets the default regimen profile.</summary>
    public const string ProfileVariable = "B12CDS_PROFILE";

    /// <summary>The profile when neither --profile nor the environment names one (clinical decision 2).</summary>
    public const string DefaultProfile = "us";

    private static readonly string[] Profiles = ["us", "uk"];

    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("bundle") { Description = "A FHIR R4 JSON file: a Bundle (or a single resource) about one patient." };
        var at = new Option<string?>("--at") { Description = "The evaluation time, a FHIR date or dateTime (default: now). Look-back windows end here." };
        var profile = new Option<string?>("--profile") { Description = $"The regimen profile: us or uk (default: ${ProfileVariable}, else {DefaultProfile})." };
        profile.AcceptOnlyFromAmong(Profiles);
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var rules = new Option<string?>("--rules") { Description = "The rules folder (default: $B12CDS_RULES, ./rules, or the nearest rules/ above the program)." };

        var command = new Command("evaluate", "Run the rules over a FHIR R4 Bundle and print the cards, the CarePlan and the trace of every rule that fired.")
        {
            file, at, profile, format, rules,
        };

        command.SetAction(result => Run(
            context,
            result.GetRequiredValue(file),
            result.GetValue(at),
            result.GetValue(profile),
            result.GetValue(format) ?? "text",
            result.GetValue(rules)));
        return command;
    }

    private static int Run(CliContext context, FileInfo file, string? atOption, string? profileOption, string format, string? rulesOption)
    {

        var profile = profileOption ?? NonEmpty(Environment.GetEnvironmentVariable(ProfileVariable)) ?? DefaultProfile;
        if (!Profiles.Contains(profile, StringComparer.Ordinal))
        {
            context.Error.WriteLine($"${ProfileVariable} is '{profile}': the profile must be us or uk.");
            return CliApp.CannotRun;
        }

        if (!CommandInputs.TryRead(context, atOption, file, rulesOption, out var asOf, out var rulesDirectory))
        {
            return CliApp.CannotRun;
        }

        var loaded = RuleSetLoader.LoadDirectory(rulesDirectory);
        if (loaded.RuleSet is not { } ruleSet)
        {
            context.Error.WriteLine($"The rules in {rulesDirectory} do not load:");
            foreach (var d in loaded.Diagnostics)
            {
                context.Error.WriteLine($"  {d}");
            }

            return CliApp.CannotRun;
        }

        foreach (var warning in loaded.Diagnostics)
        {
            context.Error.WriteLine($"  {warning}");
        }

        var parsed = new FhirJsonParser().ParseFile(file.FullName);
        if (!parsed.IsReadable)
        {
            context.Output.WriteLine(FhirJson.Serialize(parsed.ToOperationOutcome(), indented: true));
            return CliApp.InvalidInput;
        }

        var facts = new FactExtractor(ruleSet.Terminology).Extract(parsed, asOf);
        EvaluationResult result;
        try
        {
            result = RuleEngine.Instance.Evaluate(ruleSet, facts.Facts, new EvaluationContext(asOf, profile));
        }
        catch (RuleCycleException ex)
        {
            context.Error.WriteLine(ex.Message);
            return CliApp.CannotRun;
        }

        foreach (var e in result.Errors)
        {
            context.Error.WriteLine($"Rule {e.RuleId} produced nothing: {e.Message}");
        }

        var report = EvaluationReport.Create(ruleSet, result, new CardOptions { PatientId = facts.Patient?.PatientId, Profile = profile });
        if (format == "json")
        {
            context.Output.WriteLine(EvaluationReportJson.Serialize(report));
        }
        else
        {
            EvaluationReportText.Write(context.Output, report, file.Name);
        }

        return CliApp.Ok;
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
