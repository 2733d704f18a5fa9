using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;
using B12Cds.Fhir.Tests.Support;

namespace B12Cds.Fhir.Tests.Json;

/// <summary>Everything B12 CDS writes must be valid against the official FHIR R4 JSON Schema, and shaped as FHIR JSON.</summary>
[Collection(FhirSchemaTestGroup.Name)]
public sealed class FhirJsonTests
{
    private static readonly FhirJsonParser Parser = new();
    private readonly FhirSchemaFixture _schema;

    public FhirJsonTests(FhirSchemaFixture schema)
    {
        _schema = schema;
    }

    public static TheoryData<string> WrittenTypes => B12Resources.WrittenTypeNames;

    /// <summary>
    /// Resources broken on purpose, and a fragment of the schema error expected. The official R4 schema types most
    /// status and intent elements as a plain <c>code</c> (CarePlan.intent "bogus" is not rejected by it), so the
    /// cases break what it does check: required elements, enumerated codes, id syntax, resourceType.
    /// </summary>
    public static TheoryData<string, string> BrokenResources { get; } = new()
    {
        { "CarePlan without subject", "PropertyRequired at #/subject" },
        { "CarePlan activity.detail.status bogus", "NotInEnumeration at #/activity[2].detail.status" },
        { "MedicationRequest timing periodUnit weeks", "NotInEnumeration at #/dosageInstruction[0].timing.repeat.periodUnit" },
        { "ServiceRequest id with underscores", "PatternMismatch at #/id" },
        { "RequestGroup documentation type bogus", "NotInEnumeration at #/action[0].documentation[0].type" },
        { "DetectedIssue severity severe", "NotInEnumeration at #/severity" },
        { "Bundle type bogus", "NotInEnumeration at #/type" },
        { "Bundle entry resource broken", "NotInEnumeration at #/entry[4].resource.severity" },
        { "misspelt resourceType written back", "NotOneOf" },
    };

    [Fact]
    public void Fixture_OfficialSchema_HasConstRewrittenForEveryResourceType()
    {
        // Assert: 146 resource types, each pinning its resourceType with const.
        Assert.Equal(146, _schema.ConstRewrites);
    }

    [Theory]
    [MemberData(nameof(WrittenTypes))]
    public void Serialize_WrittenResourceType_IsValidAgainstOfficialSchema(string typeName)
    {
        // Arrange
        var resource = B12Resources.ByName(typeName);

        // Act
        var json = FhirJson.Serialize(resource);

        // Assert
        Assert.Empty(_schema.Validate(json));
    }

    [Theory]
    [MemberData(nameof(WrittenTypes))]
    public void Serialize_WrittenResourceType_HasResourceTypeFirstAndNoEmptyArraysNullsOrEmptyObjects(string typeName)
    {
        // Arrange
        var resource = B12Resources.ByName(typeName);

        // Act
        var json = FhirJson.Serialize(resource);

        // Assert
        Assert.StartsWith($"{{\"resourceType\":\"{typeName}\"", json, StringComparison.Ordinal);
        Assert.Empty(WrittenJson.ShapeProblems(json));
        Assert.DoesNotContain("[]", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(WrittenTypes))]
    public void Serialize_WrittenResourceType_ReadsBackWithoutIssuesAndWritesTheSame(string typeName)
    {
        // Arrange
        var json = FhirJson.Serialize(B12Resources.ByName(typeName));

        // Act
        var reread = Parser.Parse(json);

        // Assert
        Assert.Empty(reread.Issues);
        Assert.Equal(typeName, reread.Resource!.ResourceType);
        Assert.Equal(json, FhirJson.Serialize(reread.Resource));
    }

    [Theory]
    [MemberData(nameof(BrokenResources))]
    public void Validate_ResourceBrokenOnPurpose_IsRejectedByOfficialSchema(string name, string expectedError)
    {
        // Arrange
        var json = FhirJson.Serialize(Broken(name));

        // Act
        var errors = _schema.Validate(json);

        // Assert
        Assert.Contains(errors, e => e.Contains(expectedError, StringComparison.Ordinal));
    }

    [Fact]
    public void Serialize_MedicationRequest_WritesTheRegimenAsFhirExpects()
    {
        // Act
        using var json = JsonDocument.Parse(FhirJson.Serialize(B12Resources.MedicationRequest()));

        // Assert
        var dosage = json.RootElement.GetProperty("dosageInstruction");
        Assert.Equal(2, dosage.GetArrayLength());
        Assert.Equal(1, dosage[0].GetProperty("sequence").GetInt32());
        Assert.Equal(2, dosage[1].GetProperty("sequence").GetInt32());
        Assert.Equal("78421000", dosage[0].GetProperty("route").GetProperty("coding")[0].GetProperty("code").GetString());
        var dose = dosage[0].GetProperty("doseAndRate")[0].GetProperty("doseQuantity");
        Assert.Equal("1", dose.GetProperty("value").GetRawText());
        Assert.Equal("http://unitsofmeasure.org", dose.GetProperty("system").GetString());
        Assert.Equal("mg", dose.GetProperty("code").GetString());
        var repeat = dosage[0].GetProperty("timing").GetProperty("repeat");
        Assert.Equal("wk", repeat.GetProperty("boundsDuration").GetProperty("code").GetString());
        Assert.Equal("2", repeat.GetProperty("period").GetRawText());
        Assert.Equal("d", repeat.GetProperty("periodUnit").GetString());
        Assert.Equal("2024-03-29", dosage[1].GetProperty("timing").GetProperty("repeat").GetProperty("boundsPeriod").GetProperty("start").GetString());
    }

    [Fact]
    public void Serialize_ResourceWithDomainResourceElements_WritesThemInFhirOrderAfterResourceType()
    {
        // Arrange
        var plan = B12Resources.CarePlan() with
        {
            Meta = new Meta { Profile = ["https://b12cds.example/fhir/StructureDefinition/b12-careplan"] },
            ImplicitRules = "https://b12cds.example/rules",
            Language = "en-GB",
            Text = new Narrative { Status = "generated", Div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">B12 plan</div>" },
            Contained = [new Medication { Id = "hydroxo", Code = B12Resources.Hydroxocobalamin }],
            Extension = [new Extension { Url = "https://b12cds.example/fhir/rule-version", ValueString = "1.0.0" }],
            ModifierExtension = [new Extension { Url = "https://b12cds.example/fhir/simulated", ValueBoolean = true }],
        };

        // Act
        var json = FhirJson.Serialize(plan);

        // Assert
        using var document = JsonDocument.Parse(json);
        Assert.Equal(
            ["resourceType", "id", "meta", "implicitRules", "language", "text", "contained", "extension", "modifierExtension", "status", "intent"],
            document.RootElement.EnumerateObject().Take(11).Select(p => p.Name).ToArray());
        Assert.Empty(_schema.Validate(json));
    }

    [Fact]
    public void Serialize_IndentedCompactUtf8AndWriter_AreTheSameJson()
    {
        // Arrange
        var bundle = B12Resources.Bundle();

        // Act
        var compact = FhirJson.Serialize(bundle);
        var indented = FhirJson.Serialize(bundle, indented: true);
        var utf8 = FhirJson.SerializeToUtf8Bytes(bundle);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            FhirJson.Write(writer, bundle);
        }

        // Assert
        Assert.Contains('\n', indented);
        Assert.DoesNotContain('\n', compact);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(compact), JsonNode.Parse(indented)));
        Assert.Equal(compact, Encoding.UTF8.GetString(utf8));
        Assert.Equal(compact, Encoding.UTF8.GetString(buffer.ToArray()));
    }

    [Theory]
    [InlineData("AllergyIntolerance-example.json")]
    [InlineData("Bundle-bundle-transaction.json")]
    [InlineData("Condition-example.json")]
    [InlineData("Medication-med0310.json")]
    [InlineData("MedicationAdministration-medadminexample03.json")]
    [InlineData("MedicationRequest-medrx0310.json")]
    [InlineData("MedicationStatement-example001.json")]
    [InlineData("Observation-decimal.json")]
    [InlineData("Patient-example.json")]
    [InlineData("Procedure-example.json")]
    [InlineData("CarePlan-example.json")]
    public void Serialize_OfficialExampleReadAndWrittenBack_IsValidAgainstOfficialSchema(string fileName)
    {
        // Arrange: one example per type read (all 249 pass too, but take ~30 s to validate).
        var resource = Parser.ParseFile(TestFiles.Example(fileName)).Resource!;

        // Act
        var json = FhirJson.Serialize(resource);

        // Assert
        Assert.Empty(_schema.Validate(json));
    }

    private static Resource Broken(string name)
    {
        var plan = B12Resources.CarePlan();
        var request = B12Resources.MedicationRequest();
        var group = B12Resources.RequestGroup();
        var bundle = B12Resources.Bundle();
        return name switch
        {
            "CarePlan without subject" => plan with { Subject = null },
            "CarePlan activity.detail.status bogus" => plan with
            {
                Activity = [plan.Activity[0], plan.Activity[1], plan.Activity[2] with { Detail = plan.Activity[2].Detail! with { Status = "bogus" } }],
            },
            "MedicationRequest timing periodUnit weeks" => request with
            {
                DosageInstruction =
                [
                    request.DosageInstruction[0] with { Timing = new Timing { Repeat = new TimingRepeat { Frequency = 1, Period = 1m, PeriodUnit = "weeks" } } },
                ],
            },
            "ServiceRequest id with underscores" => B12Resources.ServiceRequest() with { Id = "b12_follow_up" },
            "RequestGroup documentation type bogus" => group with
            {
                Action = [group.Action[0] with { Documentation = [group.Action[0].Documentation[0] with { Type = "bogus" }] }],
            },
            "DetectedIssue severity severe" => B12Resources.DetectedIssue() with { Severity = "severe" },
            "Bundle type bogus" => bundle with { Type = "bogus" },
            "Bundle entry resource broken" => bundle with
            {
                Entry = [.. bundle.Entry.Take(4), bundle.Entry[4] with { Resource = B12Resources.DetectedIssue() with { Severity = "severe" } }],
            },
            "misspelt resourceType written back" => Parser.Parse("{\"resourceType\":\"CarePlann\",\"status\":\"draft\"}").Resource!,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a broken case."),
        };
    }
}
