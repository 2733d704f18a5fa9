using B12Cds.Facts.Tests.Extraction.Support;

namespace B12Cds.Facts.Tests.Extraction;

/// <summary>Every shipped sample validates against the official FHIR R4 JSON Schema.</summary>
[Collection(FhirSchemaTestGroup.Name)]
public sealed class SampleSchemaTests
{
    private readonly FhirSchemaFixture _schema;

    public SampleSchemaTests(FhirSchemaFixture schema)
    {
        _schema = schema;
    }

    public static TheoryData<string> AllSamples { get; } = new(SampleFiles.SampleNames());

    [Fact]
    public void Schema_Loaded_ConstRewrittenForEveryResourceType()
    {
        // Arrange
        var rewrites = _schema.ConstRewrites;

        // Act
        var enoughForR4 = rewrites >= 140;

        // Assert
        Assert.True(enoughForR4, $"only {rewrites} const keywords rewritten");
    }

    [Fact]
    public void Validate_ObservationWithWrongElementType_Fails()
    {
        // Arrange: the check that the schema really validates (status must be a string).
        var json = """{ "resourceType": "Observation", "status": 5, "code": { "text": "B12" } }""";

        // Act
        var errors = _schema.Validate(json);

        // Assert
        Assert.NotEmpty(errors);
    }

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void Validate_Sample_NoSchemaErrors(string fileName)
    {
        // Arrange
        var json = File.ReadAllText(SampleFiles.Sample(fileName));

        // Act
        var errors = _schema.Validate(json);

        // Assert
        Assert.True(errors.Count == 0, $"{fileName}:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }
}
