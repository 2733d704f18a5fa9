using System.Text;
using System.Text.Json.Nodes;
using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;
using B12Cds.Fhir.Tests.Support;

namespace B12Cds.Fhir.Tests.Json;

/// <summary>
/// The single-pass reading (each resource read where the document's reader stands) against the reference reading (the
/// serializer scoping a reader to each resource): same resources, same issues with the same positions, same offsets,
/// on every official example, every sample bundle, and damaged copies of them.
/// </summary>
public sealed class SinglePassReadingTests
{
    private static readonly FhirJsonParser SinglePass = new();
    private static readonly FhirJsonParser Reference = FhirJsonParser.Reference();

    public static TheoryData<string> Inputs { get; } = new(
        TestFiles.ExampleFileNames().Select(TestFiles.Example)
            .Concat(Directory.EnumerateFiles(RepoPaths.Samples, "*.json").Order(StringComparer.Ordinal)));

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Parse_File_SameAsReferenceReading(string path)
    {
        // Arrange
        var bytes = File.ReadAllBytes(path);

        // Act
        var singlePass = SinglePass.Parse(bytes);
        var reference = Reference.Parse(bytes);

        // Assert
        AssertSame(reference, singlePass);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Parse_DamagedFile_SameAsReferenceReading(string path)
    {
        // Arrange: the same file with a few values of the wrong JSON type, unreadable dates, duplicate keys and
        // invalid resources placed at random (seeded by the file name, so a failure reproduces).
        var original = JsonNode.Parse(File.ReadAllBytes(path))!;
        var random = new Random(StableSeed(Path.GetFileName(path)));

        for (var round = 0; round < 8; round++)
        {
            var damaged = original.DeepClone();
            var description = Damage(damaged, random);
            var bytes = Encoding.UTF8.GetBytes(description.Duplicate ? WithDuplicateKey(damaged.ToJsonString()) : damaged.ToJsonString());

            // Act
            var singlePass = SinglePass.Parse(bytes);
            var reference = Reference.Parse(bytes);

            // Assert
            AssertSame(reference, singlePass, description.What);
        }
    }

    [Theory]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\"}},{\"resource\":{\"resourceType\":\"Patient\",\"id\":")]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\" \"id\":\"o\"}}]}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\"}}]} trailing")]
    [InlineData("{\"resourceType\":\"Patient\",\"birthDate\":\"1974-12-25\",\"birthDate\":\"1974-12-26\"}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"contained\":[{\"resourceType\":\"Medication\",\"id\":\"m\",\"code\":7}]}}]}")]
    [InlineData("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"a\",\"part\":[{\"name\":\"b\",\"resource\":{\"resourceType\":\"Patient\",\"active\":\"yes\"}}]}]}")]
    [InlineData("[{\"resourceType\":\"Patient\"}]")]
    [InlineData("{\"resourceType\":\"Observation\",\"code\":{\"coding\":[{\"system\":\"s\",\"id\":\"a\",\"id\":\"b\"}]}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"code\":{\"coding\":[{\"system\":\"s\",\"system\":\"t\"}]}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"code\":{\"coding\":[null,{\"code\":\"1\",\"userSelected\":null}],\"text\":null}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"code\":{\"coding\":null,\"c\\u006fding\":[]}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"code\":{\"coding\":{\"code\":\"1\"}}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"subject\":{\"reference\":\"Patient/1\",\"identifier\":{\"value\":\"x\",\"period\":{\"start\":\"2020\"}}}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"subject\":{\"reference\":7}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"valueQuantity\":{\"value\":1.50,\"_value\":{\"id\":\"v\"},\"comparator\":\"<\",\"unit\":\"ng/L\"}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"valueQuantity\":{\"value\":\"1.5\"}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"valueQuantity\":{\"value\":1E400}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"effectivePeriod\":{\"start\":\"2020-02\",\"end\":null}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"effectivePeriod\":{\"start\":\"last week\"}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"effectivePeriod\":[]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"meta\":{\"versionId\":\"3\",\"lastUpdated\":\"2026-10-31T22:14:05.123+00:00\",\"profile\":[\"p\",null],\"tag\":[{\"code\":\"t\"}],\"security\":null}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"meta\":{\"profile\":[1]}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"meta\":{\"lastUpdated\":\"today\"}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">\\u00e9</div>\"}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"text\":{\"div\":{}}}")]
    public void Parse_MalformedOrInvalidInput_SameAsReferenceReading(string json)
    {
        // Act
        var singlePass = SinglePass.Parse(json);
        var reference = Reference.Parse(json);

        // Assert
        AssertSame(reference, singlePass);
    }

    [Theory]
    [InlineData(typeof(Coding), typeof(B12Cds.Fhir.Json.Datatypes.CodingReader))]
    [InlineData(typeof(CodeableConcept), typeof(B12Cds.Fhir.Json.Datatypes.CodeableConceptReader))]
    [InlineData(typeof(Reference), typeof(B12Cds.Fhir.Json.Datatypes.ReferenceReader))]
    [InlineData(typeof(Quantity), typeof(B12Cds.Fhir.Json.Datatypes.QuantityReader))]
    [InlineData(typeof(Period), typeof(B12Cds.Fhir.Json.Datatypes.PeriodReader))]
    [InlineData(typeof(Meta), typeof(B12Cds.Fhir.Json.Datatypes.MetaReader))]
    [InlineData(typeof(Narrative), typeof(B12Cds.Fhir.Json.Datatypes.NarrativeReader))]
    public void ParserOptions_CommonDatatype_IsReadByItsHandWrittenReaderAndWrittenBySourceGeneratedCode(Type datatype, Type reader)
    {
        // Act
        var reading = FhirJson.ParserOptions.GetTypeInfo(datatype).Converter;
        var writing = FhirJson.Options.GetTypeInfo(datatype).Converter;
        var reference = FhirJson.ReferenceReadOptions.GetTypeInfo(datatype).Converter;

        // Assert: the equivalence tests above compare the two, so both must really be in use.
        Assert.IsType(reader, reading);
        Assert.IsNotType(reader, writing);
        Assert.IsNotType(reader, reference);
    }

    private static void AssertSame(FhirParseResult expected, FhirParseResult actual, string? what = null)
    {
        Assert.True(
            expected.Issues.Select(i => i.ToString()).SequenceEqual(actual.Issues.Select(i => i.ToString())),
            $"{what}{Environment.NewLine}expected:{Environment.NewLine}{string.Join(Environment.NewLine, expected.Issues)}{Environment.NewLine}actual:{Environment.NewLine}{string.Join(Environment.NewLine, actual.Issues)}");
        Assert.Equal(expected.Resource is null, actual.Resource is null);
        if (expected.Resource is null)
        {
            return;
        }

        Assert.Equal(Shape(expected.Resource), Shape(actual.Resource!));
        Assert.Equal(FhirJson.Serialize(expected.Resource), FhirJson.Serialize(actual.Resource!));
    }

    /// <summary>Lists every resource in the tree with its CLR type and source offset, in document order.</summary>
    private static List<string> Shape(Resource resource)
    {
        var shape = new List<string>();
        Walk(resource, "$", shape);
        return shape;
    }

    private static void Walk(Resource resource, string path, List<string> shape)
    {
        shape.Add($"{path}: {resource.GetType().Name} {resource.ResourceType} @{resource.SourceOffset}");
        switch (resource)
        {
            case Bundle bundle:
                for (var i = 0; i < bundle.Entry.Count; i++)
                {
                    WalkOptional(bundle.Entry[i].Resource, $"{path}.entry[{i}].resource", shape);
                    WalkOptional(bundle.Entry[i].Response?.Outcome, $"{path}.entry[{i}].response.outcome", shape);
                }

                break;
            case Parameters parameters:
                WalkParameters(parameters.Parameter, $"{path}.parameter", shape);
                break;
            case DomainResource domain:
                for (var i = 0; i < domain.Contained.Count; i++)
                {
                    Walk(domain.Contained[i], $"{path}.contained[{i}]", shape);
                }

                break;
        }
    }

    private static void WalkParameters(IReadOnlyList<ParametersParameter> parameters, string path, List<string> shape)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            WalkOptional(parameters[i].Resource, $"{path}[{i}].resource", shape);
            WalkParameters(parameters[i].Part, $"{path}[{i}].part", shape);
        }
    }

    private static void WalkOptional(Resource? resource, string path, List<string> shape)
    {
        if (resource is not null)
        {
            Walk(resource, path, shape);
        }
    }

    /// <summary>Damages one value somewhere in the tree; returns what was done, and whether to add a duplicate key too.</summary>
    private static (string What, bool Duplicate) Damage(JsonNode root, Random random)
    {
        var values = new List<JsonValue>();
        Collect(root, values);
        if (values.Count == 0)
        {
            return ("nothing", false);
        }

        var target = values[random.Next(values.Count)];
        var path = target.GetPath();
        var parent = target.Parent!;
        JsonNode replacement = random.Next(5) switch
        {
            0 => JsonValue.Create(12.5m),
            1 => JsonValue.Create("yesterday"),
            2 => new JsonArray(JsonValue.Create(true)),
            3 => new JsonObject { ["unexpected"] = 1 },
            _ => JsonValue.Create(false),
        };

        if (parent is JsonObject o)
        {
            o[target.GetPropertyName()] = replacement;
        }
        else if (parent is JsonArray a)
        {
            a[target.GetElementIndex()] = replacement;
        }

        return ($"{path} := {replacement.ToJsonString()}", random.Next(4) == 0);
    }

    private static void Collect(JsonNode? node, List<JsonValue> values)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    Collect(child, values);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Collect(child, values);
                }

                break;
            case JsonValue v:
                values.Add(v);
                break;
        }
    }

    /// <summary>Repeats the last <c>"id"</c> property of the document in its object (a duplicate key), if there is one.</summary>
    private static string WithDuplicateKey(string json)
    {
        var at = json.LastIndexOf("\"id\":\"", StringComparison.Ordinal);
        return at < 0 ? json : json.Insert(at, "\"id\":\"dup\",");
    }

    private static int StableSeed(string text)
    {
        var seed = 17;
        foreach (var c in text)
        {
            seed = unchecked((seed * 31) + c);
        }

        return seed;
    }
}
