namespace B12Cds.Benchmarks;

/// <summary>Finds the repository's rules/ and fhir-samples/ from wherever the benchmark runs.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string Sample(string name) => Path.Combine(Root, "fhir-samples", name);

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "B12Cds.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository (B12Cds.sln not found).");
    }
}
