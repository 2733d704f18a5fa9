using B12Cds.Facts.Terminology;

namespace B12Cds.Facts.Tests.Terminology;

public sealed class CodeIndexTests
{
    private const string Atc = "http://www.whocc.no/atc";
    private const string Loinc = "http://loinc.org";

    private static readonly LabAnalyte B12 = new() { Id = "b12-total", Title = "Total B12", Location = new SourceLocation("labs.yaml", 1, 1) };

    private static readonly CodeIndex Index = new(
        new Dictionary<(string, string), string[]>
        {
            [(Atc, "B03BA01")] = ["cyanocobalamin", "vitamin-b12"],
            [(Atc, "B03BA03")] = ["hydroxocobalamin"],
            [(Loinc, "2132-9")] = ["b12-tests"],
        },
        new Dictionary<(string, string), string[]>
        {
            [(Atc, "B03B")] = ["b03b-class"],
            [(Atc, "B03BA")] = ["b12-replacement", "vitamin-b12"],
        },
        new Dictionary<(string, string), LabAnalyte> { [(Loinc, "2132-9")] = B12 });

    [Theory]
    [InlineData("B03BA01", new[] { "cyanocobalamin", "vitamin-b12", "b03b-class", "b12-replacement" })]
    [InlineData("b03ba03", new[] { "hydroxocobalamin", "b03b-class", "b12-replacement", "vitamin-b12" })]
    [InlineData("B03BA05", new[] { "b03b-class", "b12-replacement", "vitamin-b12" })]
    [InlineData(" B03BB01 ", new[] { "b03b-class" })]
    [InlineData("B03A", new string[0])]
    public void ValueSetIds_AtcCode_ListedSetsThenEachPrefixsNewOnes(string code, string[] expected)
    {
        // Act
        var ids = Index.ValueSetIds(Atc, code);

        // Assert
        Assert.Equal(expected, ids);
    }

    [Theory]
    [InlineData("http://loinc.org")]
    [InlineData("  http://loinc.org ")]
    [InlineData("urn:oid:2.16.840.1.113883.6.1")]
    public void Analyte_SystemSpelledAnyWayItsCanonicalFormIs_Found(string system)
    {
        // Arrange: a new string, so that the system is found by its text, not as the shared instance.
        var copy = new string(system.AsSpan());

        // Act
        var analyte = Index.Analyte(copy, "2132-9");

        // Assert
        Assert.Same(B12, analyte);
        Assert.Equal(["b12-tests"], Index.ValueSetIds(copy, " 2132-9"));
    }

    [Theory]
    [InlineData(null, "2132-9")]
    [InlineData(" ", "2132-9")]
    [InlineData(Loinc, null)]
    [InlineData(Loinc, " ")]
    [InlineData("http://loinc.org/", "2132-9")]
    [InlineData(Loinc, "2132-8")]
    public void Lookups_MissingBlankOrUnknown_FindNothing(string? system, string? code)
    {
        // Act
        var ids = Index.ValueSetIds(system, code);
        var analyte = Index.Analyte(system, code);

        // Assert
        Assert.Empty(ids);
        Assert.Null(analyte);
    }
}
