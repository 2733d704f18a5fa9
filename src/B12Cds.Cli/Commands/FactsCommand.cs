using System.CommandLine;
using B12Cds.Cli.Output;
using B12Cds.Facts.Extraction;
using B12Cds.Facts.Terminology;
using B12Cds.Fhir.Json;

namespace B12Cds.Cli.Commands;

/// <summary><c>b12cds facts &lt;file.json&gt;</c>: the facts found in a Bundle or resource, each with its source, and what was skipped and why.</summary>
internal static class FactsCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "A FHIR R4 JSON file: a Bundle or a single resource." };
        var rules = new Option<string?>("--rules") { Description = "The rules folder (default: $B12CDS_RULES, ./rules, or the nearest rules/ above the program)." };
        var at = new Option<string?>("--at") { Description = "The evaluation time, a FHIR date or dateTime (default: now). Ages are computed at it." };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also list information-level notes (resources that are not B12 facts, skipped statuses)." };

        var command = new Command("facts", "Read FHIR R4 JSON and print the clinical facts found, each with its source resource.")
        {
            file, rules, at, format, verbose,
        };

        command.SetAction(result => Run(
            context,
            result.GetRequiredValue(file),
            result.GetValue(rules),
            result.GetValue(at),
            result.GetValue(format) ?? "text",
            result.GetValue(verbose)));
        return command;
    }

    private static int Run(CliContext context, FileInfo file, string? rulesOption, string? atOption, string format, bool verbose)
    {
        if (!CommandInputs.TryRead(context, atOption, file, rulesOption, out var asOf, out var rulesDirectory))
        {
            return CliApp.CannotRun;
        }

        var terminology = TerminologyLoader.LoadDirectory(Path.Combine(rulesDirectory, "valuesets"));
        if (terminology.Catalog is null)
        {
            context.Error.WriteLine($"The value sets in {Path.Combine(rulesDirectory, "valuesets")} do not load:");
            foreach (var d in terminology.Diagnostics)
            {
                context.Error.WriteLine($"  {d}");
            }

            return CliApp.CannotRun;
        }

        var parsed = new FhirJsonParser().ParseFile(file.FullName);
        if (!parsed.IsReadable)
        {
            context.Output.WriteLine(FhirJson.Serialize(parsed.ToOperationOutcome(), indented: true));
            return CliApp.InvalidInput;
        }

        var facts = new FactExtractor(terminology.Catalog).Extract(parsed, asOf);
        if (format == "json")
        {
            FactJsonPrinter.Print(context.Output, facts, terminology.Catalog.Version);
        }
        else
        {
            FactTextPrinter.Print(context.Output, file.Name, facts, terminology.Catalog.Version, verbose);
        }

        return CliApp.Ok;
    }
}
