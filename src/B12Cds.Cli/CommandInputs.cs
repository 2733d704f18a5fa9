using B12Cds.Rules.Hosting;

namespace B12Cds.Cli;

/// <summary>The checks every command that reads a patient file makes first, each printing why it cannot run.</summary>
internal static class CommandInputs
{
    /// <summary>Reads <c>--at</c> (default now) and checks the input file exists, then finds the rules folder.</summary>
    public static bool TryRead(CliContext context, string? atOption, FileInfo file, string? rulesOption, out DateTimeOffset asOf, out string rulesDirectory)
    {
        rulesDirectory = string.Empty;
        if (!EvaluationTime.TryRead(atOption, context.Time, out asOf))
        {
            context.Error.WriteLine($"--at '{atOption}' is not a FHIR date or dateTime (e.g. 2026-11-21 or 2026-11-21T09:00:00Z).");
            return false;
        }

        if (!file.Exists)
        {
            context.Error.WriteLine($"File not found: {file.FullName}");
            return false;
        }

        if (RulesLocator.Find(rulesOption) is not { } found)
        {
            context.Error.WriteLine($"No rules folder found: pass --rules <dir> or set {RulesLocator.EnvironmentVariable}.");
            return false;
        }

        rulesDirectory = found;
        return true;
    }
}
