namespace B12Cds.Testing;

/// <summary>The repository's folders, found by walking up from the test's output folder to <c>B12Cds.sln</c>: tests read rules and samples where they are edited.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>Gets the repository root.</summary>
    public static string Root => RootPath.Value;

    /// <summary>Gets the rules folder.</summary>
    public static string Rules => Path.Combine(Root, "rules");

    /// <summary>Gets the value sets folder.</summary>
    public static string ValueSets => Path.Combine(Rules, "valuesets");

    /// <summary>Gets the sample bundles folder.</summary>
    public static string Samples => Path.Combine(Root, "fhir-samples");

    /// <summary>Gets one sample bundle's path.</summary>
    public static string Sample(string fileName) => Path.Combine(Samples, fileName);

    /// <summary>Gets a test project's source folder (for golden files written back to the repository).</summary>
    public static string TestProject(string name) => Path.Combine(Root, "tests", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "B12Cds.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"B12Cds.sln not found above {AppContext.BaseDirectory}.");
    }
}
