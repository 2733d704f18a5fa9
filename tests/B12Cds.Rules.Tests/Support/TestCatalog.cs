using B12Cds.Facts.Terminology;

namespace B12Cds.Rules.Tests.Support;

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
