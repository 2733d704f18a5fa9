using System.Text;
using B12Cds.Fhir.Diagnostics;
using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;
using B12Cds.Fhir.Tests.Support;

namespace B12Cds.Fhir.Tests.Json;

public sealed class FhirJsonParserTests
{
    private const long FiftyMegabytes = 50L * 1024 * 1024;

    private static readonly FhirJsonParser Parser = new();

    /// <summary>Malformed JSON, and the 1-based line and column where the reader stopped.</summary>
    public static TheoryData<string, long, long> MalformedJson { get; } = new()
    {
        { "{\"resourceType\":\"Patient\",\"id\":\"a\"", 1, 35 },                                  // truncated
        { "{\n  \"resourceType\": \"Patient\",\n  \"id\": \"a\"", 3, 12 },                       // truncated, over lines
        { "{\"resourceType\":\"Patient\"} x", 1, 28 },                                            // trailing garbage
        { "{\"resourceType\":\"Patient\"}}", 1, 27 },                                             // extra closing brace
        { "{\n  \"resourceType\": \"Patient\"\n}\n{}", 4, 1 },                                    // a second object
        { "{'resourceType':'Patient'}", 1, 2 },                                                   // single-quoted name
        { "{\n  \"resourceType\": 'Patient'\n}", 2, 19 },                                         // single-quoted value
        { "{\"resourceType\":\"Patient\",}", 1, 27 },                                             // trailing comma
        { "{\"resourceType\":\"Patient\" /* note */}", 1, 27 },                                   // comment
        { "{\"resourceType\":\"Bundle\",\"entry\":[\n{\"resource\":{\"resourceType\":\"Patient\",\"id\":'x'}}]}", 2, 44 }, // inside an entry
    };

    /// <summary>JSON that is well formed but not an object, and where the value starts.</summary>
    public static TheoryData<string, string, long, long> NotAnObject { get; } = new()
    {
        { "[]", "an array", 1, 1 },
        { "[{\"resourceType\":\"Patient\"}]", "an array", 1, 1 },
        { "42", "a number", 1, 1 },
        { "\"Patient\"", "a string", 1, 1 },
        { "true", "a boolean", 1, 1 },
    };

    public static TheoryData<string> EmptyInput { get; } = new() { string.Empty, "   ", "\n\t\r\n" };

    public static TheoryData<string> NotFhirDates { get; } = new() { "2024-13-01", "2024-02-30", "yesterday", "2024-03-15T10:30", "2024-03-15T10:30:00+14:30" };

    /// <summary>A Patient or Observation with an element of the wrong JSON type: the element, its FHIR path, and the token the reader stopped after.</summary>
    public static TheoryData<string, string, string> WrongJsonType { get; } = new()
    {
        { "{\"resourceType\":\"Observation\",\"valueQuantity\":{\"value\":\"1.5\"}}", "Observation.valueQuantity.value", "\"value\":\"1.5\"" },
        { "{\"resourceType\":\"Observation\",\"valueInteger\":\"1\"}", "Observation.valueInteger", "\"valueInteger\":\"1\"" },
        { "{\"resourceType\":\"Observation\",\"valueInteger\":1.5}", "Observation.valueInteger", "\"valueInteger\":1.5" },
        { "{\"resourceType\":\"Patient\",\"gender\":1}", "Patient.gender", "\"gender\":1" },
        { "{\"resourceType\":\"Patient\",\"gender\":true}", "Patient.gender", "\"gender\":true" },
        { "{\"resourceType\":\"Patient\",\"gender\":{}}", "Patient.gender", "\"gender\":{" },
        { "{\"resourceType\":\"Patient\",\"active\":\"true\"}", "Patient.active", "\"active\":\"true\"" },
        { "{\"resourceType\":\"Patient\",\"managingOrganization\":[]}", "Patient.managingOrganization", "\"managingOrganization\":[" },
        { "{\"resourceType\":\"Patient\",\"name\":{\"family\":\"Doe\"}}", "Patient.name", "\"name\":{" },
        { "{\"resourceType\":\"Patient\",\"birthDate\":2024}", "Patient.birthDate", "\"birthDate\":2024" },
        { "{\"resourceType\":\"Observation\",\"component\":[{\"code\":{\"text\":1}}]}", "Observation.component[0].code.text", "\"text\":1" },
    };

    [Theory]
    [MemberData(nameof(MalformedJson))]
    public void Parse_MalformedJson_IsFatalMalformedJsonAtTheReaderPosition(string json, long line, long column)
    {
        // Arrange
        var utf8 = Encoding.UTF8.GetBytes(json);

        // Act
        var result = Parser.Parse(json);
        var fromBytes = Parser.Parse(utf8);

        // Assert
        Assert.Null(result.Resource);
        Assert.False(result.IsReadable);
        Assert.True(result.HasErrors);
        var issue = IssueAssert.Single(result, IssueIds.MalformedJson, IssueSeverity.Fatal, "structure", expression: null);
        IssueAssert.At(issue, (line, column));
        Assert.StartsWith("The input is not valid JSON: ", issue.Message, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was read.", issue.Message, StringComparison.Ordinal);
        Assert.Equal(result.Issues, fromBytes.Issues);
    }

    [Theory]
    [MemberData(nameof(NotAnObject))]
    public void Parse_JsonThatIsNotAnObject_IsFatalNotAResource(string json, string found, long line, long column)
    {
        // Act
        var result = Parser.Parse(json);

        // Assert
        Assert.Null(result.Resource);
        var issue = IssueAssert.Single(result, IssueIds.NotAResource, IssueSeverity.Fatal, "structure", expression: null);
        IssueAssert.At(issue, (line, column));
        Assert.Equal($"The input is not a FHIR resource: a FHIR resource must be a JSON object, found {found}.", issue.Message);
    }

    [Fact]
    public void Parse_JsonNull_IsFatalNotAResourceWithoutPosition()
    {
        // Act
        var result = Parser.Parse("null");

        // Assert
        Assert.Null(result.Resource);
        Assert.False(result.IsReadable);
        var issue = IssueAssert.Single(result, IssueIds.NotAResource, IssueSeverity.Fatal, "structure", expression: null);
        Assert.Null(issue.Line);
        Assert.Null(issue.Column);
        Assert.Equal("The input is JSON null, not a FHIR resource.", issue.Message);
    }

    [Theory]
    [MemberData(nameof(EmptyInput))]
    public void Parse_EmptyInput_IsFatalAndNothingIsRead(string json)
    {
        // Act
        var result = Parser.Parse(json);

        // Assert
        Assert.Null(result.Resource);
        Assert.False(result.IsReadable);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(IssueSeverity.Fatal, issue.Severity);
        Assert.Null(issue.Expression);
        Assert.EndsWith("Nothing was read.", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EmptyInput))]
    public void Parse_EmptyInput_IsNotAResourceAsIssueIdsDocuments(string json)
    {
        // Act
        var result = Parser.Parse(json);

        // Assert
        IssueAssert.Single(result, IssueIds.NotAResource, IssueSeverity.Fatal, "structure", expression: null);
    }

    [Fact]
    public void Parse_ObjectWithoutResourceType_IsFatalMissingResourceTypeAtTheObject()
    {
        // Arrange
        const string Json = "\n\n  {\"id\": \"x\", \"meta\": {\"resourceType\": \"Patient\"}}";

        // Act
        var result = Parser.Parse(Json);

        // Assert: a resourceType deeper in the object does not count.
        Assert.False(result.IsReadable);
        var invalid = Assert.IsType<InvalidResource>(result.Resource);
        Assert.Null(invalid.DeclaredType);
        var issue = IssueAssert.Single(result, IssueIds.MissingResourceType, IssueSeverity.Fatal, "required", "Resource");
        IssueAssert.At(issue, (3, 3));
        Assert.Equal("The object has no \"resourceType\" string. Nothing was read.", issue.Message);
    }

    [Theory]
    [InlineData("{\"resourceType\": 42}")]
    [InlineData("{\"resourceType\": null}")]
    [InlineData("{\"resourceType\": {\"value\": \"Patient\"}}")]
    public void Parse_ResourceTypeThatIsNotAString_IsFatalMissingResourceType(string json)
    {
        // Act
        var result = Parser.Parse(json);

        // Assert
        Assert.IsType<InvalidResource>(result.Resource);
        IssueAssert.Single(result, IssueIds.MissingResourceType, IssueSeverity.Fatal, "required", "Resource");
    }

    [Theory]
    [InlineData("Patiant")]
    [InlineData("patient")]
    [InlineData("RequestOrchestration")] // R5, not R4
    public void Parse_UnknownResourceTypeAtTopLevel_IsFatalUnknownResourceType(string resourceType)
    {
        // Arrange
        var json = $"{{\"resourceType\": \"{resourceType}\", \"id\": \"x\"}}";

        // Act
        var result = Parser.Parse(json);

        // Assert
        Assert.False(result.IsReadable);
        var invalid = Assert.IsType<InvalidResource>(result.Resource);
        Assert.Equal(resourceType, invalid.DeclaredType);
        var issue = IssueAssert.Single(result, IssueIds.UnknownResourceType, IssueSeverity.Fatal, "not-supported", $"{resourceType}.resourceType");
        IssueAssert.At(issue, (1, 1));
        Assert.Equal($"\"{resourceType}\" is not a FHIR R4 resource type. Nothing was read.", issue.Message);
    }

    [Fact]
    public void Parse_BundleEntryWithMisspeltResourceType_ReportsErrorAndReadsTheOtherEntries()
    {
        // Arrange
        const string Json = """
            {
              "resourceType": "Bundle",
              "type": "collection",
              "entry": [
                { "fullUrl": "urn:uuid:p1", "resource": { "resourceType": "Patient", "id": "p1", "gender": "female" } },
                { "fullUrl": "urn:uuid:o1", "resource": { "resourceType": "Obsrvation", "id": "o1", "status": "final" } },
                { "fullUrl": "urn:uuid:e1", "resource": { "resourceType": "Encounter", "id": "e1", "status": "finished" } },
                { "fullUrl": "urn:uuid:o2", "resource": { "resourceType": "Observation", "id": "o2", "status": "final" } }
              ]
            }
            """;

        // Act
        var result = Parser.Parse(Json);

        // Assert
        Assert.True(result.IsReadable);
        Assert.True(result.HasErrors);
        var bundle = Assert.IsType<Bundle>(result.Resource);
        Assert.Equal(4, bundle.Entry.Count);
        Assert.Equal("female", Assert.IsType<Patient>(bundle.Entry[0].Resource).Gender);
        var misspelt = Assert.IsType<InvalidResource>(bundle.Entry[1].Resource);
        Assert.Equal("Obsrvation", misspelt.DeclaredType);
        Assert.Equal("urn:uuid:o1", bundle.Entry[1].FullUrl);
        Assert.Equal("Encounter", Assert.IsType<OtherResource>(bundle.Entry[2].Resource).ResourceType);
        Assert.Equal("final", Assert.IsType<Observation>(bundle.Entry[3].Resource).Status);
        Assert.Collection(
            result.Issues,
            error =>
            {
                IssueAssert.Is(error, IssueIds.UnknownResourceType, IssueSeverity.Error, "not-supported", "Bundle.entry[1].resource.resourceType");
                IssueAssert.At(error, JsonText.PositionOf(Json, "{ \"resourceType\": \"Obsrvation\""));
                Assert.Equal("\"Obsrvation\" is not a FHIR R4 resource type. This resource was skipped; the rest was read.", error.Message);
            },
            warning =>
            {
                IssueAssert.Is(warning, IssueIds.UnsupportedResourceType, IssueSeverity.Warning, "not-supported", "Bundle.entry[2].resource");
                Assert.Equal("Encounter is not read by B12 CDS; skipped.", warning.Message);
            });
    }

    [Fact]
    public void Parse_BundleEntryWithoutResourceType_ReportsErrorAndReadsTheOtherEntries()
    {
        // Arrange
        const string Json = """{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Patient"}},{"resource":{"id":"x"}}]}""";

        // Act
        var result = Parser.Parse(Json);

        // Assert
        var bundle = Assert.IsType<Bundle>(result.Resource);
        Assert.IsType<Patient>(bundle.Entry[0].Resource);
        Assert.IsType<InvalidResource>(bundle.Entry[1].Resource);
        var issue = IssueAssert.Single(result, IssueIds.MissingResourceType, IssueSeverity.Error, "required", "Bundle.entry[1].resource");
        IssueAssert.At(issue, JsonText.PositionOf(Json, "{\"id\":\"x\"}"));
    }

    [Theory]
    [MemberData(nameof(NotFhirDates))]
    public void Parse_TopLevelDateThatIsNotAFhirDate_IsFatalInvalidElementAfterTheValue(string date)
    {
        // Arrange
        var json = $"{{\n  \"resourceType\": \"Patient\",\n  \"birthDate\": \"{date}\"\n}}";

        // Act
        var result = Parser.Parse(json);

        // Assert
        Assert.False(result.IsReadable);
        var invalid = Assert.IsType<InvalidResource>(result.Resource);
        Assert.Equal("Patient", invalid.DeclaredType);
        Assert.Equal("birthDate", invalid.ElementPath);
        var issue = IssueAssert.Single(result, IssueIds.InvalidElement, IssueSeverity.Fatal, "value", "Patient.birthDate");
        IssueAssert.At(issue, JsonText.PositionAfter(json, $"\"{date}\""));
        Assert.StartsWith($"'{date}' is not a FHIR date or dateTime", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NotFhirDates))]
    public void Parse_BundleEntryWithDateThatIsNotAFhirDate_ReportsErrorAndReadsTheOtherEntries(string date)
    {
        // Arrange
        var json = $$$"""
            {"resourceType": "Bundle", "type": "searchset", "entry": [
              {"resource": {"resourceType": "Patient", "id": "p1"}},
              {"resource": {"resourceType": "Observation", "id": "b12", "status": "final",
                            "component": [{"code": {"text": "a"}}, {"code": {"text": "b"}, "valueDateTime": "{{{date}}}"}]}},
              {"resource": {"resourceType": "Condition", "id": "c1"}}
            ]}
            """;

        // Act
        var result = Parser.Parse(json);

        // Assert
        Assert.True(result.IsReadable);
        var bundle = Assert.IsType<Bundle>(result.Resource);
        Assert.Equal("p1", Assert.IsType<Patient>(bundle.Entry[0].Resource).Id);
        Assert.Equal("Observation", Assert.IsType<InvalidResource>(bundle.Entry[1].Resource).DeclaredType);
        Assert.Equal("c1", Assert.IsType<Condition>(bundle.Entry[2].Resource).Id);
        var issue = IssueAssert.Single(result, IssueIds.InvalidElement, IssueSeverity.Error, "value", "Bundle.entry[1].resource.component[1].valueDateTime");
        Assert.EndsWith("This resource was skipped; the rest was read.", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\"}},\n{\"resource\":{\"resourceType\":\"Observation\",\n  \"effectiveDateTime\":\"yesterday\"}}]}", "\"yesterday\"")]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\",\"valueQuantity\":{\"value\":\"1.5\"}}}]}", "\"1.5\"")]
    [InlineData("{\"resourceType\":\"CarePlan\",\"contained\":[{\"resourceType\":\"Patient\",\"gender\":\"male\",\"gender\":\"female\"}]}", "\"gender\":\"male\",\"gender\":")]
    public void Parse_InvalidElementInsideNestedResource_PositionIsInTheDocument(string json, string readUpTo)
    {
        // Act
        var result = Parser.Parse(json);

        // Assert
        var issue = Assert.Single(result.Issues);
        IssueAssert.At(issue, JsonText.PositionAfter(json, readUpTo));
    }

    [Theory]
    [MemberData(nameof(WrongJsonType))]
    public void Parse_ElementOfTheWrongJsonType_IsFatalInvalidElementAtTheElement(string json, string expression, string readUpTo)
    {
        // Act
        var result = Parser.Parse(json);

        // Assert
        Assert.IsType<InvalidResource>(result.Resource);
        var issue = IssueAssert.Single(result, IssueIds.InvalidElement, IssueSeverity.Fatal, "value", expression);
        IssueAssert.At(issue, JsonText.PositionAfter(json, readUpTo));
    }

    [Fact]
    public void Parse_StringWhereANumberBelongs_SaysANumberWasExpected()
    {
        // Act
        var result = Parser.Parse("{\"resourceType\":\"Observation\",\"valueQuantity\":{\"value\":\"1.5\"}}");

        // Assert
        Assert.Equal("Expected a JSON number, found a string. Nothing was read.", Assert.Single(result.Issues).Message);
    }

    [Theory]
    [InlineData("{\"resourceType\":\"Patient\",\"gender\":1}", "a string, found a number")]
    [InlineData("{\"resourceType\":\"Patient\",\"active\":\"true\"}", "true or false, found a string")]
    [InlineData("{\"resourceType\":\"Observation\",\"valueInteger\":\"1\"}", "a number, found a string")]
    public void Parse_ElementOfTheWrongJsonType_MessageNamesTheExpectedJsonType(string json, string expected)
    {
        // Act
        var result = Parser.Parse(json);

        // Assert
        Assert.Equal($"The value has the wrong JSON type (expected {expected}). Nothing was read.", Assert.Single(result.Issues).Message);
    }

    [Fact]
    public void Parse_DuplicateTopLevelProperty_IsFatalInvalidElementAtTheSecondOne()
    {
        // Arrange
        const string Json = "{\"resourceType\":\"Patient\",\"id\":\"a\",\"gender\":\"male\",\"id\":\"b\"}";

        // Act
        var result = Parser.Parse(Json);

        // Assert
        Assert.False(result.IsReadable);
        var issue = IssueAssert.Single(result, IssueIds.InvalidElement, IssueSeverity.Fatal, "value", "Patient.id");
        IssueAssert.At(issue, JsonText.PositionAfter(Json, "\"male\",\"id\":"));
        Assert.Contains("Duplicate property 'id'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicatePropertyInNestedObject_IsFatalInvalidElementAtThatElement()
    {
        // Act
        var result = Parser.Parse("{\"resourceType\":\"Observation\",\"code\":{\"text\":\"B12\",\"text\":\"Folate\"}}");

        // Assert
        IssueAssert.Single(result, IssueIds.InvalidElement, IssueSeverity.Fatal, "value", "Observation.code.text");
    }

    [Fact]
    public void Parse_DuplicatePropertyInBundleEntry_ReportsErrorAndReadsTheOtherEntries()
    {
        // Act
        var result = Parser.Parse(
            "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"gender\":\"male\",\"gender\":\"female\"}},"
            + "{\"resource\":{\"resourceType\":\"Condition\",\"id\":\"c1\"}}]}");

        // Assert
        var bundle = Assert.IsType<Bundle>(result.Resource);
        Assert.IsType<InvalidResource>(bundle.Entry[0].Resource);
        Assert.IsType<Condition>(bundle.Entry[1].Resource);
        IssueAssert.Single(result, IssueIds.InvalidElement, IssueSeverity.Error, "value", "Bundle.entry[0].resource.gender");
    }

    [Fact]
    public void Parse_DuplicateResourceType_IsInvalidElementNotUnknownResourceType()
    {
        // Act
        var result = Parser.Parse("{\"resourceType\":\"Patient\",\"resourceType\":\"Patient\"}");

        // Assert
        IssueAssert.Single(result, IssueIds.InvalidElement, IssueSeverity.Fatal, "value", "Patient.resourceType");
    }

    [Fact]
    public void Parse_DuplicateProperty_MessageIsCleanText()
    {
        // Act
        var issue = Assert.Single(Parser.Parse("{\"resourceType\":\"Patient\",\"id\":\"a\",\"id\":\"b\"}").Issues);

        // Assert
        Assert.DoesNotContain("..", issue.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("B12Cds.", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownElements_AreIgnoredWithoutIssue()
    {
        // Arrange
        const string Json = """
            {"resourceType": "Patient", "id": "p1", "animal": {"species": {"text": "Dog"}},
             "futureElement": [1, {"deep": [true, null]}], "gender": "female", "birthDate": "1960-03-13"}
            """;

        // Act
        var result = Parser.Parse(Json);

        // Assert
        Assert.Empty(result.Issues);
        var patient = Assert.IsType<Patient>(result.Resource);
        Assert.Equal("female", patient.Gender);
        Assert.Equal("1960-03-13", patient.BirthDate!.Value.Value);
    }

    [Fact]
    public void Parse_PrimitiveExtensionOnBirthDate_IsToleratedAndTheDateRead()
    {
        // Arrange
        const string Json = """
            {"resourceType": "Patient", "birthDate": "1974-12-25",
             "_birthDate": {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/patient-birthTime", "valueDateTime": "1974-12-25T14:35:45-05:00"}]}}
            """;

        // Act
        var result = Parser.Parse(Json);

        // Assert
        Assert.Empty(result.Issues);
        var patient = Assert.IsType<Patient>(result.Resource);
        Assert.Equal(new DateTimeOffset(1974, 12, 25, 0, 0, 0, TimeSpan.Zero), patient.BirthDate!.Value.Start);
    }

    [Fact]
    public void Parse_PrimitiveExtensionWithoutValue_IsTolerated()
    {
        // Arrange: a birth date known only by its data-absent-reason extension.
        const string Json = """
            {"resourceType": "Patient", "_birthDate": {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/data-absent-reason", "valueCode": "unknown"}]}}
            """;

        // Act
        var result = Parser.Parse(Json);

        // Assert
        Assert.Empty(result.Issues);
        Assert.Null(Assert.IsType<Patient>(result.Resource).BirthDate);
    }

    [Fact]
    public void Parse_NullInsideObject_IsReadAsAbsentAndListsStayNonNull()
    {
        // Arrange
        const string Json = """
            {"resourceType": "Patient", "id": null, "meta": null, "name": null, "identifier": null, "gender": null,
             "birthDate": null, "active": null, "managingOrganization": {"reference": null, "display": "GP"}}
            """;

        // Act
        var result = Parser.Parse(Json);

        // Assert
        Assert.Empty(result.Issues);
        var patient = Assert.IsType<Patient>(result.Resource);
        Assert.Null(patient.Id);
        Assert.Null(patient.Meta);
        Assert.NotNull(patient.Name);
        Assert.Empty(patient.Name);
        Assert.NotNull(patient.Identifier);
        Assert.Empty(patient.Identifier);
        Assert.Null(patient.Gender);
        Assert.Null(patient.BirthDate);
        Assert.Null(patient.Active);
        Assert.Null(patient.ManagingOrganization!.ReferenceValue);
        Assert.Equal("{\"resourceType\":\"Patient\",\"managingOrganization\":{\"display\":\"GP\"}}", FhirJson.Serialize(patient));
    }

    [Fact]
    public void Parse_NullBundleEntryResource_IsReadAsAbsent()
    {
        // Act
        var result = Parser.Parse("{\"resourceType\":\"Bundle\",\"entry\":[{\"fullUrl\":\"urn:uuid:x\",\"resource\":null},{\"resource\":{\"resourceType\":\"Patient\"}}]}");

        // Assert
        Assert.Empty(result.Issues);
        var bundle = Assert.IsType<Bundle>(result.Resource);
        Assert.Null(bundle.Entry[0].Resource);
        Assert.IsType<Patient>(bundle.Entry[1].Resource);
    }

    [Fact]
    public void Parse_NullInsideArrayOfObjects_IsDroppedAndNeverWritten()
    {
        // Act
        var result = Parser.Parse("{\"resourceType\":\"Patient\",\"identifier\":[null,{\"value\":\"123\"}]}");
        var patient = Assert.IsType<Patient>(result.Resource);

        // Assert
        Assert.All(patient.Identifier, identifier => Assert.NotNull(identifier));
        Assert.Empty(WrittenJson.ShapeProblems(FhirJson.Serialize(patient)));
    }

    [Fact]
    public void Parse_UnmodelledResourceAtTopLevel_IsReadableOtherResourceWithWarning()
    {
        // Act
        var result = Parser.Parse("{\"resourceType\":\"Encounter\",\"id\":\"e1\",\"status\":\"finished\"}");

        // Assert
        Assert.True(result.IsReadable);
        Assert.False(result.HasErrors);
        var other = Assert.IsType<OtherResource>(result.Resource);
        Assert.Equal("Encounter", other.ResourceType);
        Assert.Equal("finished", other.Json.GetProperty("status").GetString());
        var issue = IssueAssert.Single(result, IssueIds.UnsupportedResourceType, IssueSeverity.Warning, "not-supported", "Encounter");
        Assert.Null(issue.Line);
    }

    [Fact]
    public void Parse_ReportUnsupportedResourcesOff_KeepsOtherResourcesWithoutWarning()
    {
        // Arrange
        var parser = new FhirJsonParser(new FhirParserOptions { ReportUnsupportedResources = false });

        // Act
        var result = parser.Parse("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Encounter\"}},{\"resource\":{\"resourceType\":\"Obsrvation\"}}]}");

        // Assert
        var bundle = Assert.IsType<Bundle>(result.Resource);
        Assert.IsType<OtherResource>(bundle.Entry[0].Resource);
        IssueAssert.Single(result, IssueIds.UnknownResourceType, IssueSeverity.Error, "not-supported", "Bundle.entry[1].resource.resourceType");
    }

    [Fact]
    public void Parse_ContainedResources_AreCheckedWithTheirPath()
    {
        // Arrange
        const string Json = """
            {"resourceType": "CarePlan", "status": "draft", "intent": "proposal", "subject": {"reference": "Patient/1"},
             "contained": [{"resourceType": "Patiant"}, {"resourceType": "Goal", "id": "g1"}, {"resourceType": "Patient", "birthDate": "bad"}]}
            """;

        // Act
        var result = Parser.Parse(Json);

        // Assert
        Assert.True(result.IsReadable);
        var carePlan = Assert.IsType<CarePlan>(result.Resource);
        Assert.Equal("proposal", carePlan.Intent);
        Assert.Equal(3, carePlan.Contained.Count);
        Assert.Collection(
            result.Issues,
            i => IssueAssert.Is(i, IssueIds.UnknownResourceType, IssueSeverity.Error, "not-supported", "CarePlan.contained[0].resourceType"),
            i => IssueAssert.Is(i, IssueIds.UnsupportedResourceType, IssueSeverity.Warning, "not-supported", "CarePlan.contained[1]"),
            i => IssueAssert.Is(i, IssueIds.InvalidElement, IssueSeverity.Error, "value", "CarePlan.contained[2].birthDate"));
    }

    [Fact]
    public void Parse_ParametersResources_AreCheckedWithTheirPathIncludingParts()
    {
        // Arrange
        const string Json = """
            {"resourceType": "Parameters", "parameter": [
              {"name": "a", "resource": {"resourceType": "Foo"}},
              {"name": "b", "part": [{"name": "c", "valueString": "x"}, {"name": "d", "resource": {"resourceType": "Encounter"}}]},
              {"name": "e", "resource": {"resourceType": "Patient", "id": "p"}}
            ]}
            """;

        // Act
        var result = Parser.Parse(Json);

        // Assert
        var parameters = Assert.IsType<Parameters>(result.Resource);
        Assert.IsType<Patient>(parameters.Parameter[2].Resource);
        Assert.Equal("x", parameters.Parameter[1].Part[0].ValueString);
        Assert.Collection(
            result.Issues,
            i => IssueAssert.Is(i, IssueIds.UnknownResourceType, IssueSeverity.Error, "not-supported", "Parameters.parameter[0].resource.resourceType"),
            i => IssueAssert.Is(i, IssueIds.UnsupportedResourceType, IssueSeverity.Warning, "not-supported", "Parameters.parameter[1].part[1].resource"));
    }

    [Fact]
    public void Parse_InvalidBundleEntryResponseOutcome_IsReportedWithItsPath()
    {
        // Act
        var result = Parser.Parse("{\"resourceType\":\"Bundle\",\"type\":\"batch-response\",\"entry\":[{\"response\":{\"status\":\"400\",\"outcome\":{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":1}]}}}]}");

        // Assert
        Assert.True(result.IsReadable);
        IssueAssert.Single(result, IssueIds.InvalidElement, IssueSeverity.Error, "value", "Bundle.entry[0].response.outcome.issue[0].severity");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"Patient/1\"")]
    [InlineData("42")]
    public void Parse_BundleEntryResourceThatIsNotAnObject_ReportsErrorAndReadsTheOtherEntries(string resource)
    {
        // Act
        var result = Parser.Parse($"{{\"resourceType\":\"Bundle\",\"entry\":[{{\"resource\":{{\"resourceType\":\"Patient\"}}}},{{\"resource\":{resource}}}]}}");

        // Assert
        Assert.True(result.IsReadable);
        var bundle = Assert.IsType<Bundle>(result.Resource);
        Assert.IsType<Patient>(bundle.Entry[0].Resource);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Equal("Bundle.entry[1].resource", issue.Expression);
    }

    [Fact]
    public void Parse_Utf8ByteOrderMark_IsSkipped()
    {
        // Arrange
        byte[] json = [0xEF, 0xBB, 0xBF, .. "{\"resourceType\":\"Patient\",\"id\":\"bom\"}"u8];

        // Act
        var result = Parser.Parse(json);

        // Assert
        Assert.Empty(result.Issues);
        Assert.Equal("bom", Assert.IsType<Patient>(result.Resource).Id);
    }

    [Fact]
    public void Parse_InputThatIsNotUtf8_IsNotUtf8()
    {
        // Arrange: "José" in ISO-8859-1.
        byte[] json = [.. "{\"resourceType\":\"Patient\",\"id\":\"x\",\"name\":[{\"given\":[\"Jos"u8, 0xE9, .. "\"]}]}"u8];

        // Act
        var result = Parser.Parse(json);

        // Assert
        var issue = Assert.Single(result.Issues);
        Assert.Equal(IssueIds.NotUtf8, issue.Id);
        Assert.Equal(IssueSeverity.Fatal, issue.Severity);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("9999-12-31T23:59:60Z")]
    public void Parse_DateTimeOutsideDateTimeOffsetRange_ReportsIssueInsteadOfThrowing(string dateTime)
    {
        // Act
        var result = Parser.Parse($"{{\"resourceType\":\"Patient\",\"deceasedDateTime\":\"{dateTime}\"}}");

        // Assert
        Assert.NotEmpty(result.Issues);
    }

    [Fact]
    public void Parse_StringOverMaxBytes_IsFatalTooLargeAndNothingIsRead()
    {
        // Arrange
        var parser = new FhirJsonParser(new FhirParserOptions { MaxBytes = 1024 });
        var json = PatientOfExactly(2048);

        // Act
        var result = parser.Parse(json);

        // Assert
        Assert.Null(result.Resource);
        var issue = IssueAssert.Single(result, IssueIds.TooLarge, IssueSeverity.Fatal, "too-long", expression: null);
        Assert.Equal("The input is 2,048 bytes; the limit is 1,024 bytes. Nothing was read.", issue.Message);
        Assert.Null(issue.Line);
    }

    [Fact]
    public void Parse_BytesOverMaxBytes_IsFatalTooLarge()
    {
        // Arrange
        var parser = new FhirJsonParser(new FhirParserOptions { MaxBytes = 1024 });

        // Act
        var result = parser.Parse(Encoding.UTF8.GetBytes(PatientOfExactly(1025)));

        // Assert
        IssueAssert.Single(result, IssueIds.TooLarge, IssueSeverity.Fatal, "too-long", expression: null);
    }

    [Fact]
    public void Parse_MultiByteStringOverMaxBytes_CountsUtf8BytesNotChars()
    {
        // Arrange: 400 'é' are 400 chars but 800 UTF-8 bytes.
        var parser = new FhirJsonParser(new FhirParserOptions { MaxBytes = 512 });
        var json = "{\"resourceType\":\"Patient\",\"id\":\"" + new string('é', 400) + "\"}";

        // Act
        var result = parser.Parse(json);

        // Assert
        IssueAssert.Single(result, IssueIds.TooLarge, IssueSeverity.Fatal, "too-long", expression: null);
    }

    [Fact]
    public async Task Parse_InputOfExactlyMaxBytes_IsRead()
    {
        // Arrange
        var parser = new FhirJsonParser(new FhirParserOptions { MaxBytes = 1024 });
        var json = PatientOfExactly(1024);

        // Act
        var fromString = parser.Parse(json);
        var fromStream = await parser.ParseAsync(GeneratedStream.Over(json, canSeek: false));

        // Assert
        Assert.Empty(fromString.Issues);
        Assert.Empty(fromStream.Issues);
        Assert.IsType<Patient>(fromStream.Resource);
    }

    [Fact]
    public async Task ParseAsync_SeekableStreamOverMaxBytes_IsRefusedWithoutReadingIt()
    {
        // Arrange
        var parser = new FhirJsonParser(new FhirParserOptions { MaxBytes = 1024 });
        var stream = new GeneratedStream(2048, canSeek: true);

        // Act
        var result = await parser.ParseAsync(stream);

        // Assert
        var issue = IssueAssert.Single(result, IssueIds.TooLarge, IssueSeverity.Fatal, "too-long", expression: null);
        Assert.Equal("The input is 2,048 bytes; the limit is 1,024 bytes. Nothing was read.", issue.Message);
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public async Task ParseAsync_NonSeekableStreamOverMaxBytes_IsFatalTooLarge()
    {
        // Arrange
        var parser = new FhirJsonParser(new FhirParserOptions { MaxBytes = 1024 });
        var stream = new GeneratedStream(2048, canSeek: false);

        // Act
        var result = await parser.ParseAsync(stream);

        // Assert
        Assert.Null(result.Resource);
        var issue = IssueAssert.Single(result, IssueIds.TooLarge, IssueSeverity.Fatal, "too-long", expression: null);
        Assert.EndsWith("the limit is 1,024 bytes. Nothing was read.", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseAsync_NonSeekableStreamOverMaxBytes_DoesNotOverstateItsSize()
    {
        // Arrange
        var parser = new FhirJsonParser(new FhirParserOptions { MaxBytes = 1024 });

        // Act
        var result = await parser.ParseAsync(new GeneratedStream(2048, canSeek: false));

        // Assert
        Assert.DoesNotContain("more than 2,048", Assert.Single(result.Issues).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseAsync_FiftyMegabyteNonSeekableStream_IsRefusedWithoutReadingItAll()
    {
        // Arrange
        var stream = new GeneratedStream(FiftyMegabytes, canSeek: false);

        // Act
        var result = await Parser.ParseAsync(stream);

        // Assert: it stops soon after the 16 MiB default limit instead of buffering 50 MiB.
        Assert.Null(result.Resource);
        IssueAssert.Single(result, IssueIds.TooLarge, IssueSeverity.Fatal, "too-long", expression: null);
        Assert.True(stream.BytesRead > FhirParserOptions.Default.MaxBytes, $"read {stream.BytesRead:N0} bytes");
        Assert.True(stream.BytesRead <= FhirParserOptions.Default.MaxBytes + (1024 * 1024), $"read {stream.BytesRead:N0} bytes");
    }

    [Fact]
    public async Task ParseAsync_FiftyMegabyteSeekableStream_IsRefusedWithoutReadingAByte()
    {
        // Arrange
        var stream = new GeneratedStream(FiftyMegabytes, canSeek: true);

        // Act
        var result = await Parser.ParseAsync(stream);

        // Assert
        var issue = IssueAssert.Single(result, IssueIds.TooLarge, IssueSeverity.Fatal, "too-long", expression: null);
        Assert.StartsWith("The input is 52,428,800 bytes; the limit is 16,777,216 bytes.", issue.Message, StringComparison.Ordinal);
        Assert.Equal(0, stream.BytesRead);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ParseAsync_StreamUnderMaxBytes_ReadsTheResource(bool canSeek)
    {
        // Arrange
        var stream = GeneratedStream.Over("{\"resourceType\":\"Observation\",\"status\":\"final\",\"valueQuantity\":{\"value\":150,\"unit\":\"pmol/L\"}}", canSeek);

        // Act
        var result = await Parser.ParseAsync(stream);

        // Assert
        Assert.Empty(result.Issues);
        Assert.Equal(150m, Assert.IsType<Observation>(result.Resource).ValueQuantity!.Value!.Value.Value);
    }

    [Fact]
    public void ParseFile_FileOverMaxBytes_IsFatalTooLarge()
    {
        // Arrange
        var parser = new FhirJsonParser(new FhirParserOptions { MaxBytes = 1024 });
        var path = Path.Combine(Path.GetTempPath(), $"b12cds-fhir-tests-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, PatientOfExactly(2048));

        try
        {
            // Act
            var result = parser.ParseFile(path);

            // Assert
            var issue = IssueAssert.Single(result, IssueIds.TooLarge, IssueSeverity.Fatal, "too-long", expression: null);
            Assert.StartsWith("The input is 2,048 bytes;", issue.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ParseMethods_NullArgument_ThrowArgumentNullException()
    {
        // Act and Assert
        Assert.Throws<ArgumentNullException>(() => Parser.Parse((string)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Parser.ParseAsync(null!));
    }

    [Fact]
    public void Parse_SameParserFromManyThreads_GivesTheSameResults()
    {
        // Arrange
        var inputs = TestFiles.ExampleFileNames().Take(40).Select(TestFiles.ReadExample).ToList();
        var expected = inputs.Select(bytes => FhirJson.Serialize(Parser.Parse(bytes).Resource!)).ToList();

        // Act
        var actual = new string[inputs.Count];
        Parallel.For(0, inputs.Count, i => actual[i] = FhirJson.Serialize(Parser.Parse(inputs[i]).Resource!));

        // Assert
        Assert.Equal(expected, actual);
    }

    /// <summary>Gets a valid Patient whose UTF-8 encoding is exactly <paramref name="bytes"/> long.</summary>
    private static string PatientOfExactly(int bytes)
    {
        const string Start = "{\"resourceType\":\"Patient\",\"id\":\"x\",\"gender\":\"";
        const string End = "\"}";
        var json = Start + new string('a', bytes - Start.Length - End.Length) + End;
        Assert.Equal(bytes, Encoding.UTF8.GetByteCount(json));
        return json;
    }
}
