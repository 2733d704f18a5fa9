namespace B12Cds.Cards.Tests.Support;

/// <summary>Finds the repository at run time (walking up from the test binaries to the directory holding B12Cds.sln), so tests read the real rules and samples without copying them.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Rules => Path.Combine(Root, "rules");

    public static string ValueSets => Path.Combine(Rules, "valuesets");

    public static string Samples => Path.Combine(Root, "fhir-samples");

    /// <summary>Gets the golden files' folder in the source tree (regeneration writes there, for review in the diff).</summary>
    public static string Golden => Path.Combine(Root, "tests", "B12Cds.Cards.Tests", "Golden");

    public static string Sample(string fileName) => Path.Combine(Samples, fileName);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "B12Cds.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No directory containing B12Cds.sln above {AppContext.BaseDirectory}.");
    }
}
