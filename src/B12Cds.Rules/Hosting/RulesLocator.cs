namespace B12Cds.Rules.Hosting;

/// <summary>
/// Finds the rules folder: <c>--rules</c>, else the <c>B12CDS_RULES</c> environment variable, else <c>./rules</c>,
/// else the nearest <c>rules/</c> above the program (the CLI and the service alike). Rules are read where they are edited, never copied at build time.
/// </summary>
public static class RulesLocator
{
    /// <summary>The environment variable that names the rules folder.</summary>
    public const string EnvironmentVariable = "B12CDS_RULES";

    /// <summary>Finds the rules folder, or returns null when there is none.</summary>
    /// <param name="explicitDirectory">A folder the user named (e.g. <c>--rules</c>); used as given when not empty.</param>
    public static string? Find(string? explicitDirectory)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            return explicitDirectory;
        }

        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        var local = Path.Combine(Directory.GetCurrentDirectory(), "rules");
        if (Directory.Exists(Path.Combine(local, "valuesets")))
        {
            return local;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "rules");
            if (Directory.Exists(Path.Combine(candidate, "valuesets")))
            {
                return candidate;
            }
        }

        return null;
    }
}
