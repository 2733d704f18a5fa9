namespace B12Cds.Cli;

/// <summary>
/// Finds the rules folder: <c>--rules</c>, else the <c>B12CDS_RULES</c> environment variable, else <c>./rules</c>,
/// else the nearest <c>rules/</c> above the program. Rules are read where they are edited, never copied at build time.
/// </summary>
internal static class RulesLocator
{
    public const string EnvironmentVariable = "B12CDS_RULES";

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
