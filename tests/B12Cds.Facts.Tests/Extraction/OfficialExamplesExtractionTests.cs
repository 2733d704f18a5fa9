using B12Cds.Facts.Tests.Extraction.Support;
using B12Cds.Fhir.Json;

namespace B12Cds.Facts.Tests.Extraction;

/// <summary>Robustness: extraction over every official HL7 FHIR R4 example of the types B12 CDS reads never throws.</summary>
public sealed class OfficialExamplesExtractionTests : IClassFixture<ValueSetFixture>
{
    private static readonly FhirJsonParser Parser = new();
    private readonly ValueSetFixture _valueSets;

    public OfficialExamplesExtractionTests(ValueSetFixture valueSets)
    {
        _valueSets = valueSets;
    }

    public static TheoryData<string> AllExamples { get; } = new(SampleFiles.OfficialExampleNames());

    [Fact]
    public void OfficialExamples_Folder_HasThe249Examples()
    {
        // Arrange
        var folder = SampleFiles.OfficialExamplesDirectory;

        // Act
        var names = SampleFiles.OfficialExampleNames();

        // Assert
        Assert.True(Directory.Exists(folder), $"{folder} is missing");
        Assert.Equal(249, names.Count);
    }

    [Theory]
    [MemberData(nameof(AllExamples))]
    public void Extract_OfficialExample_NeverThrowsAndNoErrorLevelFactIssues(string fileName)
    {
        // Arrange
        var parsed = Parser.ParseFile(Path.Combine(SampleFiles.OfficialExamplesDirectory, fileName));
        var asOf = TestBundles.AsOf;

        // Act
        var exception = Record.Exception(() => _valueSets.Extractor.Extract(parsed, asOf));

        // Assert
        Assert.Null(exception);
        var set = _valueSets.Extractor.Extract(parsed, asOf);
        Assert.DoesNotContain(set.Issues, i => i.Id.StartsWith("FACT", StringComparison.Ordinal) && i.IsError);
        Assert.All(set.Facts, f => Assert.False(string.IsNullOrEmpty(f.Source.Path)));
    }
}
