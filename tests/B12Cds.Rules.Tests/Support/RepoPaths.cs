using B12Cds.Facts.Terminology;

namespace B12Cds.Rules.Tests.Support;

/// <summary>Finds the repository at run time (walking up from the test binaries to the directory holding B12Cds.sln), so tests read the real rule files without copying them.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>Gets the repository root (the directory containing B12Cds.sln).</summary>
    public static string Root => RootPath.Value;

    /// <summary>Gets the <c>rules</c> directory.</summary>
    public static string Rules => Path.Combine(Root, "rules");

    /// <summary>Gets the <c>rules/valuesets</c> directory.</summary>
    public static string ValueSets => Path.Combine(Rules, "valuesets");

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

/// <summary>The value-set catalogue loaded once from the real files in <c>rules/valuesets</c>.</summary>
internal static class TestCatalog
{
    private static readonly Lazy<TerminologyCatalog> Loaded = new(() =>
    {
        var result = TerminologyLoader.LoadDirectory(RepoPaths.ValueSets);
        return result.Catalog ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
    });

    /// <summary>Gets the catalogue.</summary>
    public static TerminologyCatalog Instance => Loaded.Value;
}
