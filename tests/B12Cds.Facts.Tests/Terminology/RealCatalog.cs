using B12Cds.Facts.Terminology;

namespace B12Cds.Facts.Tests.Terminology;

/// <summary>The catalogue loaded once from the real files in <c>rules/valuesets</c>.</summary>
internal static class RealCatalog
{
    private static readonly Lazy<TerminologyCatalog> Loaded = new(() =>
    {
        var result = TerminologyLoader.LoadDirectory(RepoPaths.ValueSets);
        return result.Catalog ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
    });

    public static TerminologyCatalog Instance => Loaded.Value;
}
