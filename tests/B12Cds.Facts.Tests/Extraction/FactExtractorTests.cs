using B12Cds.Facts.Extraction;
using B12Cds.Facts.Model;
using B12Cds.Facts.Tests.Extraction.Support;
using B12Cds.Fhir.Diagnostics;
using B12Cds.Fhir.Json;

namespace B12Cds.Facts.Tests.Extraction;

/// <summary>
/// <see cref="FactExtractor"/> over small inline FHIR R4 JSON inputs and the real value sets, at a fixed evaluation
/// time (2026-11-01T00:00:00Z). The tests are split by topic into partial files.
/// </summary>
public sealed partial class FactExtractorTests : IClassFixture<ValueSetFixture>
{
    private static readonly FhirJsonParser Parser = new();
    private readonly ValueSetFixture _valueSets;

    public FactExtractorTests(ValueSetFixture valueSets)
    {
        _valueSets = valueSets;
    }

    [Fact]
    public void Fixture_RealValueSets_LoadWithoutErrors()
    {
        // Arrange
        var load = _valueSets.Load;

        // Act
        var errors = load.Diagnostics.Where(d => d.IsError).ToList();

        // Assert
        Assert.True(load.Succeeded, string.Join(Environment.NewLine, load.Diagnostics));
        Assert.Empty(errors);
    }

    /// <summary>Parses the JSON (which must parse without errors) and extracts its facts at <see cref="TestBundles.AsOf"/>.</summary>
    private FactSet Extract(string json, ExtractionOptions? options = null)
    {
        var parsed = Parser.Parse(json);
        Assert.True(parsed.IsReadable, string.Join(Environment.NewLine, parsed.Issues));
        Assert.False(parsed.HasErrors, string.Join(Environment.NewLine, parsed.Issues));
        return _valueSets.Extractor.Extract(parsed, TestBundles.AsOf, options);
    }

    /// <summary>Extracts the default patient plus the resources, and gets the single lab fact.</summary>
    private LabResult ExtractSingleLab(params string[] resources) => Assert.Single(Extract(TestBundles.WithPatient(resources)).OfType<LabResult>());

    private static FhirIssue SingleIssue(FactSet set, string id) => Assert.Single(set.Issues, i => i.Id == id);

    private static string Issues(FactSet set) => string.Join(Environment.NewLine, set.Issues);
}
