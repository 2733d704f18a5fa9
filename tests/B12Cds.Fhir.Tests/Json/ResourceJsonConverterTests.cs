using System.Text.Json;
using System.Text.Json.Nodes;
using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;
using B12Cds.Fhir.Tests.Support;

namespace B12Cds.Fhir.Tests.Json;

/// <summary>Resources by their resourceType: modelled ones typed, others kept whole, and resourceType written first.</summary>
public sealed class ResourceJsonConverterTests
{
    private static readonly FhirJsonParser Parser = new();

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("$", null)]
    [InlineData("$.birthDate", "birthDate")]
    [InlineData("$.component[0].valueQuantity.value", "component[0].valueQuantity.value")]
    [InlineData("$.entry[2].resource", "entry[2].resource")]
    [InlineData("$['odd name'].text", "odd name.text")]
    public void ElementPath_SerializerJsonPath_GivesFhirElementPath(string? jsonPath, string? expected)
    {
        // Act
        var path = ResourceJsonConverter.ElementPath(jsonPath);

        // Assert
        Assert.Equal(expected, path);
    }

    [Fact]
    public void Read_ResourceTypeNotFirst_IsReadAndWrittenFirst()
    {
        // Arrange
        const string Json = "{\"id\":\"p1\",\"gender\":\"male\",\"resourceType\":\"Patient\"}";

        // Act
        var result = Parser.Parse(Json);

        // Assert
        Assert.Empty(result.Issues);
        var patient = Assert.IsType<Patient>(result.Resource);
        Assert.Equal("{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"male\"}", FhirJson.Serialize(patient));
    }

    [Fact]
    public void Write_UnmodelledAndInvalidBundleEntries_AreWrittenExactlyAsRead()
    {
        // Arrange
        const string Encounter = """{"resourceType":"Encounter","id":"e1","status":"finished","length":{"value":1.50,"unit":"h"},"_status":{"id":"s"}}""";
        const string Invalid = """{"resourceType":"Observation","id":"o1","effectiveDateTime":"yesterday","valueQuantity":{"value":1E-22}}""";
        var json = $"{{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{{\"resource\":{Encounter}}},{{\"resource\":{Invalid}}}]}}";

        // Act
        var written = FhirJson.Serialize(Parser.Parse(json).Resource!);

        // Assert
        Assert.Equal(json, written);
    }

    [Fact]
    public void Write_InvalidResourceAtTopLevel_IsWrittenExactlyAsRead()
    {
        // Arrange
        const string Json = "{\"resourceType\":\"Patient\",\"birthDate\":\"yesterday\",\"name\":[{\"family\":\"Doe\"}]}";
        var result = Parser.Parse(Json);

        // Act
        var written = FhirJson.Serialize(result.Resource!);

        // Assert
        Assert.IsType<InvalidResource>(result.Resource);
        Assert.Equal(Json, written);
    }

    [Fact]
    public void Read_UnmodelledResource_KeepsItsJsonWhole()
    {
        // Arrange
        const string Json = """{"resourceType":"Goal","id":"g1","lifecycleStatus":"proposed","target":[{"detailQuantity":{"value":300,"unit":"ng/L"}}]}""";

        // Act
        var other = Assert.IsType<OtherResource>(Parser.Parse(Json).Resource);

        // Assert
        Assert.Equal("Goal", other.ResourceType);
        Assert.Equal("g1", other.Json.GetProperty("id").GetString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Json), JsonNode.Parse(other.Json.GetRawText())));
    }

    [Fact]
    public void Write_OtherResourceBuiltInCode_WritesItsJson()
    {
        // Arrange
        using var document = JsonDocument.Parse("{\"resourceType\":\"Encounter\",\"status\":\"planned\"}");
        var bundle = new Bundle { Type = "collection", Entry = [new BundleEntry { Resource = new OtherResource("Encounter", document.RootElement.Clone()) }] };

        // Act
        var written = FhirJson.Serialize(bundle);

        // Assert
        Assert.Equal("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Encounter\",\"status\":\"planned\"}}]}", written);
    }

    [Fact]
    public void Write_UnmodelledResourceWithResourceTypeLast_WritesResourceTypeFirst()
    {
        // Arrange
        var bundle = Parser.Parse("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"id\":\"e1\",\"status\":\"finished\",\"resourceType\":\"Encounter\"}}]}").Resource!;

        // Act
        var written = FhirJson.Serialize(bundle);

        // Assert
        Assert.Empty(WrittenJson.ShapeProblems(written));
    }
}
