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
    // Observation (whole-resource reader): every value[x], components, ranges, nulls, duplicates, wrong types, _x, unknowns, contained.
    [InlineData("{\"resourceType\":\"Observation\",\"id\":\"o\",\"status\":\"final\",\"_status\":{\"extension\":[{\"url\":\"u\",\"valueString\":\"x\"}]},\"valueInteger\":7,\"issued\":\"2020-01-01T10:00:00Z\",\"effectiveInstant\":\"2020-01-01T10:00:00.5+01:00\",\"unknown\":{\"a\":[1,2]},\"note\":[{\"text\":\"n\",\"authorString\":\"a\",\"time\":\"2020\"}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"valueRange\":{\"low\":{\"value\":1},\"high\":{\"value\":2.50,\"unit\":\"g\"}},\"valueRatio\":{\"numerator\":{\"value\":1},\"denominator\":{\"value\":3}},\"valueTime\":\"10:00:00\",\"valuePeriod\":{\"start\":\"2020\"},\"valueDateTime\":\"2021-02\",\"valueBoolean\":false,\"valueString\":\"s\",\"valueCodeableConcept\":{\"text\":\"t\"}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"component\":[{\"code\":{\"text\":\"a\"},\"valueQuantity\":{\"value\":1},\"interpretation\":[{\"text\":\"H\"}],\"referenceRange\":[{\"low\":{\"value\":0},\"appliesTo\":[{\"text\":\"x\"}],\"age\":{\"low\":{\"value\":18}},\"type\":{\"text\":\"normal\"}}]},null,{\"valueInteger\":3,\"dataAbsentReason\":{\"text\":\"d\"},\"valueRange\":{\"low\":{\"value\":1}},\"valueRatio\":{\"numerator\":{\"value\":1}},\"valueTime\":\"t\",\"valueDateTime\":\"2020\",\"valuePeriod\":{\"end\":\"2020\"},\"valueString\":\"v\",\"valueBoolean\":true,\"valueCodeableConcept\":{\"text\":\"c\"},\"_valueString\":{\"id\":\"e\"}}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"status\":\"final\",\"status\":\"amended\"}")]
    [InlineData("{\"resourceType\":\"Observation\",\"valueQuantity\":{\"value\":1},\"valueQuantity\":{\"value\":2}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"unknown\":1,\"unknown\":2}")]
    [InlineData("{\"resourceType\":\"Observation\",\"resourceType\":\"Observation\"}")]
    [InlineData("{\"resourceType\":\"Observation\",\"st\\u0061tus\":\"final\"}")]
    [InlineData("{\"resourceType\":\"Observation\",\"status\":null,\"category\":null,\"code\":null,\"valueInteger\":null,\"valueBoolean\":null,\"issued\":null,\"component\":null,\"contained\":null,\"extension\":null,\"meta\":null,\"text\":null,\"id\":null}")]
    [InlineData("{\"resourceType\":\"Observation\",\"status\":7}")]
    [InlineData("{\"resourceType\":\"Observation\",\"valueInteger\":1.5}")]
    [InlineData("{\"resourceType\":\"Observation\",\"valueInteger\":\"1\"}")]
    [InlineData("{\"resourceType\":\"Observation\",\"valueInteger\":3000000000}")]
    [InlineData("{\"resourceType\":\"Observation\",\"valueBoolean\":\"true\"}")]
    [InlineData("{\"resourceType\":\"Observation\",\"category\":{\"text\":\"x\"}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"category\":[{\"text\":\"x\"},7]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"component\":[{\"code\":{\"text\":\"a\"},\"code\":{\"text\":\"b\"}}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"component\":[{\"valueQuantity\":\"1\"}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"referenceRange\":[{\"low\":{\"value\":1},\"low\":{\"value\":2}}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"referenceRange\":[{\"text\":5}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"identifier\":[{\"system\":\"s\",\"value\":\"v\",\"use\":\"official\",\"type\":{\"text\":\"MR\"},\"period\":{\"start\":\"2020\"}}],\"basedOn\":[{\"reference\":\"ServiceRequest/1\"}],\"performer\":[{\"reference\":\"Practitioner/1\"}],\"hasMember\":[{\"reference\":\"Observation/2\"}],\"derivedFrom\":[{\"reference\":\"Observation/3\"}],\"specimen\":{\"reference\":\"Specimen/1\"},\"bodySite\":{\"text\":\"arm\"},\"method\":{\"text\":\"m\"},\"encounter\":{\"reference\":\"Encounter/1\"}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"identifier\":[{\"system\":\"s\",\"system\":\"t\"}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"identifier\":[{\"period\":{\"start\":\"soon\"}}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"implicitRules\":\"r\",\"language\":\"en\",\"modifierExtension\":[{\"url\":\"m\",\"valueBoolean\":true}],\"extension\":[{\"url\":\"a\",\"extension\":[{\"url\":\"b\",\"valueDecimal\":1.50},{\"url\":\"c\",\"valueInteger\":2},{\"url\":\"d\",\"valueCoding\":{\"code\":\"x\"}},{\"url\":\"e\",\"valueQuantity\":{\"value\":1}},{\"url\":\"f\",\"valueReference\":{\"reference\":\"Patient/1\"}},{\"url\":\"g\",\"valuePeriod\":{\"start\":\"2020\"}},{\"url\":\"h\",\"valueDateTime\":\"2020-01\"},{\"url\":\"i\",\"valueCode\":\"c\",\"valueUri\":\"u\",\"valueCanonical\":\"k\",\"valueCodeableConcept\":{\"text\":\"t\"}}]},null]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"extension\":[{\"url\":\"a\",\"url\":\"b\"}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"extension\":[{\"url\":\"a\",\"valueInteger\":1.5}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"extension\":[{\"url\":\"a\",\"valueDecimal\":\"1\"}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"contained\":[{\"resourceType\":\"Patient\",\"id\":\"p\",\"name\":[{\"family\":\"F\",\"given\":[\"A\",null,\"B\"],\"prefix\":[\"Dr\"],\"suffix\":null,\"use\":\"official\",\"text\":\"t\",\"period\":{\"start\":\"2020\"}}]},null,{\"resourceType\":\"Medication\",\"code\":7},{\"resourceType\":\"Nope\"},{\"resourceType\":\"Basic\",\"id\":\"b\"}],\"status\":\"final\"}")]
    [InlineData("{\"resourceType\":\"Observation\",\"contained\":[{\"resourceType\":\"Observation\",\"contained\":[{\"resourceType\":\"Observation\",\"valueInteger\":\"x\"}]}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"contained\":{\"resourceType\":\"Patient\"}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"note\":[{\"authorReference\":{\"reference\":\"Practitioner/1\"},\"authorReference\":{\"reference\":\"Practitioner/2\"}}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"valueRatio\":{\"numerator\":1}}")]
    // Bundle (whole-resource reader): entries, nulls, search/request/response, nested resources' offsets.
    [InlineData("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":2,\"link\":[{\"relation\":\"self\",\"url\":\"u\"}],\"entry\":[{\"fullUrl\":\"a\",\"link\":[{\"relation\":\"r\"}],\"search\":{\"mode\":\"match\",\"score\":0.50},\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\",\"contained\":[{\"resourceType\":\"Patient\",\"active\":\"yes\"}]}},null,{\"resource\":null},{\"request\":{\"method\":\"PUT\",\"url\":\"Patient/1\",\"ifNoneMatch\":\"a\",\"ifModifiedSince\":\"b\",\"ifMatch\":\"c\",\"ifNoneExist\":\"d\"},\"response\":{\"status\":\"200\",\"location\":\"l\",\"etag\":\"e\",\"lastModified\":\"2020-01-01T00:00:00Z\",\"outcome\":{\"resourceType\":\"OperationOutcome\",\"issue\":[]}}}]}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"identifier\":{\"system\":\"s\",\"value\":\"v\"},\"timestamp\":\"2020-01-01T00:00:00Z\",\"implicitRules\":\"r\",\"language\":\"en\",\"meta\":{\"versionId\":\"1\"},\"text\":{\"div\":\"x\"},\"entry\":[{\"resource\":{\"resourceType\":\"Observation\",\"valueInteger\":\"x\"}}]}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"total\":\"2\"}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"total\":2.5}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"timestamp\":\"today\"}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":{\"resource\":{\"resourceType\":\"Patient\"}}}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":[{\"fullUrl\":\"a\",\"fullUrl\":\"b\"}]}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":[{\"search\":{\"score\":\"high\"}}]}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":[{\"search\":{\"score\":1E400}}]}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":[{\"response\":{\"outcome\":{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":7}]}}}]}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\"}}],\"entry\":[]}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":[]}]}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"link\":[{\"relation\":\"self\",\"relation\":\"next\"}]}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\"}},{\"resource\":{\"resourceType\":\"Patient\",\"birthDate\":\"x\"}}]}}]}")]
    public void Parse_MalformedOrInvalidInput_SameAsReferenceReading(string json)
    {
        // Act
        var singlePass = SinglePass.Parse(json);
        var reference = Reference.Parse(json);

        // Assert
        AssertSame(reference, singlePass);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void HandWrittenResourceReaders_EveryValidResourceInFile_ReadWithoutGivingUp(string path)
    {
        // Arrange: every resource in the file (the root, Bundle entries, contained ones) that a hand-written reader
        // reads. The equivalence tests above cannot tell a reader that gives up (the reference reading then reads
        // the resource, and the result is the same) from one that reads; this one can.
        var resources = new List<JsonObject>();
        CollectResources(JsonNode.Parse(File.ReadAllBytes(path)), resources);

        foreach (var json in resources)
        {
            var utf8 = Encoding.UTF8.GetBytes(json.ToJsonString());
            var reference = Reference.Parse(utf8);
            if (json["resourceType"]?.GetValueKind() != System.Text.Json.JsonValueKind.String
                || !ModelledResourceTypes.TryGet(json["resourceType"]!.GetValue<string>(), out var type)
                || !IsHandWritten(FhirJson.ParserOptions.GetTypeInfo(type.Type).Converter)
                || reference.Issues.Any(i => i.IsError))
            {
                continue;
            }

            // Act: the type's reader itself, which throws where it gives up.
            var reader = new System.Text.Json.Utf8JsonReader(utf8);
            reader.Read();
            var read = type.ReadInPlace(ref reader, FhirJson.ParserOptions);

            // Assert
            Assert.Equal(FhirJson.Serialize(reference.Resource!), FhirJson.Serialize(read!));
        }
    }

    private static bool IsHandWritten(System.Text.Json.Serialization.JsonConverter converter)
    {
        for (var type = converter.GetType(); type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(B12Cds.Fhir.Json.Datatypes.DatatypeReader<>))
            {
                return true;
            }
        }

        return false;
    }

    private static void CollectResources(JsonNode? node, List<JsonObject> resources)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["resourceType"] is JsonValue)
                {
                    resources.Add(o);
                }

                foreach (var (_, child) in o)
                {
                    CollectResources(child, resources);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    CollectResources(child, resources);
                }

                break;
        }
    }

    [Theory]
    [InlineData(typeof(Coding), typeof(B12Cds.Fhir.Json.Datatypes.CodingReader))]
    [InlineData(typeof(CodeableConcept), typeof(B12Cds.Fhir.Json.Datatypes.CodeableConceptReader))]
    [InlineData(typeof(Reference), typeof(B12Cds.Fhir.Json.Datatypes.ReferenceReader))]
    [InlineData(typeof(Quantity), typeof(B12Cds.Fhir.Json.Datatypes.QuantityReader))]
    [InlineData(typeof(Period), typeof(B12Cds.Fhir.Json.Datatypes.PeriodReader))]
    [InlineData(typeof(Meta), typeof(B12Cds.Fhir.Json.Datatypes.MetaReader))]
    [InlineData(typeof(Narrative), typeof(B12Cds.Fhir.Json.Datatypes.NarrativeReader))]
    [InlineData(typeof(Identifier), typeof(B12Cds.Fhir.Json.Datatypes.IdentifierReader))]
    [InlineData(typeof(B12Cds.Fhir.Model.Range), typeof(B12Cds.Fhir.Json.Datatypes.RangeReader))]
    [InlineData(typeof(Ratio), typeof(B12Cds.Fhir.Json.Datatypes.RatioReader))]
    [InlineData(typeof(Annotation), typeof(B12Cds.Fhir.Json.Datatypes.AnnotationReader))]
    [InlineData(typeof(HumanName), typeof(B12Cds.Fhir.Json.Datatypes.HumanNameReader))]
    [InlineData(typeof(Extension), typeof(B12Cds.Fhir.Json.Datatypes.ExtensionReader))]
    [InlineData(typeof(Observation), typeof(B12Cds.Fhir.Json.Resources.ObservationReader))]
    [InlineData(typeof(ObservationReferenceRange), typeof(B12Cds.Fhir.Json.Resources.ObservationReferenceRangeReader))]
    [InlineData(typeof(ObservationComponent), typeof(B12Cds.Fhir.Json.Resources.ObservationComponentReader))]
    [InlineData(typeof(Bundle), typeof(B12Cds.Fhir.Json.Resources.BundleReader))]
    [InlineData(typeof(BundleEntry), typeof(B12Cds.Fhir.Json.Resources.BundleEntryReader))]
    [InlineData(typeof(BundleLink), typeof(B12Cds.Fhir.Json.Resources.BundleLinkReader))]
    [InlineData(typeof(BundleEntrySearch), typeof(B12Cds.Fhir.Json.Resources.BundleEntrySearchReader))]
    [InlineData(typeof(BundleEntryRequest), typeof(B12Cds.Fhir.Json.Resources.BundleEntryRequestReader))]
    [InlineData(typeof(BundleEntryResponse), typeof(B12Cds.Fhir.Json.Resources.BundleEntryResponseReader))]
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
