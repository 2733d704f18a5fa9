using B12Cds.Facts.Extraction;
using B12Cds.Facts.Terminology;

namespace B12Cds.Facts.Tests.Extraction.Support;

/// <summary>The real value sets (<c>rules/valuesets</c>), loaded once per test class, and an extractor over them.</summary>
public sealed class ValueSetFixture
{
    private readonly FactExtractor? _extractor;

    public ValueSetFixture()
    {
        Load = TerminologyLoader.LoadDirectory(Path.Combine(RepoPaths.Rules, "valuesets"));
        _extractor = Load.Catalog is { } catalog ? new FactExtractor(catalog) : null;
    }

    /// <summary>Gets the outcome of loading the real value set files.</summary>
    public TerminologyLoadResult Load { get; }

    /// <summary>Gets the catalogue; fails the test when the value sets did not load.</summary>
    public TerminologyCatalog Catalog
    {
        get
        {
            Assert.True(Load.Succeeded, "The real value sets do not load:" + Environment.NewLine + string.Join(Environment.NewLine, Load.Diagnostics));
            return Load.Catalog;
        }
    }

    /// <summary>Gets an extractor over the real value sets; fails the test when they did not load.</summary>
    public FactExtractor Extractor
    {
        get
        {
            _ = Catalog;
            return _extractor!;
        }
    }
}
