using System.Text.Json;
using B12Cds.Fhir.Diagnostics;
using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;
using B12Cds.Fhir.Tests.Support;

namespace B12Cds.Fhir.Tests.Json;

/// <summary>
/// The peer test of the reader and writer: the 249 official HL7 FHIR R4 4.0.1 examples of the resource types B12 CDS
/// reads (TestData/r4-examples, see TestData/ORIGIN.md) must all be read, written back and read again without loss
/// of anything modelled.
/// </summary>
public sealed class OfficialExamplesTests
{
    private static readonly FhirJsonParser Parser = new();

    public static TheoryData<string> AllExamples { get; } = new(TestFiles.ExampleFileNames());

    public static TheoryData<string> BundleExamples { get; } =
        new(TestFiles.ExampleFileNames().Where(name => name.StartsWith("Bundle-", StringComparison.Ordinal)));

    [Fact]
    public void ExampleFiles_Count_IsAll249Copied()
    {
        // Arrange
        var names = TestFiles.ExampleFileNames();

        // Act
        var count = names.Count;

        // Assert
        Assert.Equal(TestFiles.ExampleCount, count);
        Assert.Equal(TestFiles.ExampleCount, AllExamples.Count);
    }

    [Theory]
    [MemberData(nameof(AllExamples))]
    public void ParseFile_OfficialExample_IsReadableWithNoErrors(string fileName)
    {
        // Arrange
        var path = TestFiles.Example(fileName);

        // Act
        var result = Parser.ParseFile(path);

        // Assert
        Assert.True(result.IsReadable, string.Join(Environment.NewLine, result.Issues));
        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Issues));
        Assert.All(result.Issues, issue =>
        {
            Assert.Equal(IssueIds.UnsupportedResourceType, issue.Id);
            Assert.Equal(IssueSeverity.Warning, issue.Severity);
        });
        Assert.Equal(ResourceTypeDeclaredIn(fileName), result.Resource!.ResourceType);
    }

    [Theory]
    [MemberData(nameof(BundleExamples))]
    public void ParseFile_BundleExampleEntryOfUnmodelledType_IsKeptAsOtherResourceWithWarning(string fileName)
    {
        // Arrange
        using var original = JsonDocument.Parse(TestFiles.ReadExample(fileName));
        var declaredTypes = original.RootElement.TryGetProperty("entry", out var entries)
            ? entries.EnumerateArray().Select(e => e.TryGetProperty("resource", out var r) ? r.GetProperty("resourceType").GetString() : null).ToList()
            : [];

        // Act
        var result = Parser.ParseFile(TestFiles.Example(fileName));

        // Assert
        var bundle = Assert.IsType<Bundle>(result.Resource);
        Assert.Equal(declaredTypes.Count, bundle.Entry.Count);
        var warned = result.Issues.Where(i => i.Id == IssueIds.UnsupportedResourceType).Select(i => i.Expression).ToHashSet();
        for (var i = 0; i < declaredTypes.Count; i++)
        {
            var resource = bundle.Entry[i].Resource;
            Assert.Equal(declaredTypes[i], resource?.ResourceType);
            if (resource is OtherResource)
            {
                Assert.Contains($"Bundle.entry[{i}].resource", warned);
            }
            else if (resource is not null)
            {
                Assert.IsNotType<InvalidResource>(resource);
                Assert.DoesNotContain($"Bundle.entry[{i}].resource", warned);
            }
        }
    }

    [Fact]
    public void ParseFile_DocumentBundleWithUnmodelledTypes_WarnsForEachOfThem()
    {
        // Arrange
        var path = TestFiles.Example("Bundle-father.json");

        // Act
        var result = Parser.ParseFile(path);

        // Assert: Composition, Practitioner and Encounter are not modelled; the Patient and Observations are.
        Assert.True(result.IsReadable);
        Assert.False(result.HasErrors);
        var warnings = result.Issues.Where(i => i.Severity == IssueSeverity.Warning).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(IssueIds.UnsupportedResourceType, w.Id));
        Assert.All(warnings, w => Assert.Equal("not-supported", w.Code));
        var bundle = Assert.IsType<Bundle>(result.Resource);
        Assert.Equal(["Composition", "Encounter", "Practitioner"], bundle.Entry.Select(e => e.Resource).OfType<OtherResource>().Select(o => o.ResourceType).Order().ToArray());
        Assert.Contains(bundle.Entry, e => e.Resource is Patient);
    }

    [Theory]
    [MemberData(nameof(AllExamples))]
    public void SerializeThenParse_OfficialExample_SecondAndThirdSerializationAreEqual(string fileName)
    {
        // Arrange
        var first = Parser.ParseFile(TestFiles.Example(fileName));

        // Act
        var second = FhirJson.Serialize(first.Resource!);
        var reread = Parser.Parse(second);
        var third = FhirJson.Serialize(reread.Resource!);

        // Assert
        Assert.True(reread.IsReadable);
        Assert.Equal(first.Issues.Select(i => i.ToString()), reread.Issues.Select(i => i.ToString()));
        Assert.Equal(second, third);
    }

    [Theory]
    [MemberData(nameof(AllExamples))]
    public void Serialize_OfficialExample_WritesOnlyValuesThatWereReadUnchanged(string fileName)
    {
        // Arrange
        var bytes = TestFiles.ReadExample(fileName);
        var resource = Parser.Parse(bytes).Resource!;

        // Act
        var written = FhirJson.Serialize(resource);

        // Assert: every value written is at the same place, with the same JSON text, as in the original. Elements B12
        // CDS does not model may be dropped; nothing may be invented, moved, reformatted or rounded.
        var originalLeaves = Leaves(bytes);
        var writtenLeaves = Leaves(System.Text.Encoding.UTF8.GetBytes(written));
        var changed = writtenLeaves
            .Where(leaf => !originalLeaves.TryGetValue(leaf.Key, out var was) || was != leaf.Value)
            .Select(leaf => $"{leaf.Key} = {leaf.Value} (was {originalLeaves.GetValueOrDefault(leaf.Key) ?? "absent"})")
            .ToList();
        Assert.Empty(changed);
        Assert.Empty(WrittenJson.ShapeProblems(written, resourceTypeFirst: false)); // unmodelled resources are written as read: see ResourceJsonConverterTests
        Assert.StartsWith("{\"resourceType\":", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AllergyIntolerance-example.json")]
    [InlineData("Bundle-bundle-transaction.json")]
    [InlineData("Bundle-bundle-response.json")]
    [InlineData("Condition-example.json")]
    [InlineData("Medication-med0310.json")]
    [InlineData("MedicationAdministration-medadminexample03.json")]
    [InlineData("MedicationRequest-medrx0310.json")]
    [InlineData("MedicationStatement-example003.json")]
    [InlineData("Observation-decimal.json")]
    [InlineData("Observation-vitals-panel.json")]
    [InlineData("Patient-pat3.json")]
    [InlineData("Procedure-appendectomy-narrative.json")]
    [InlineData("CarePlan-obesity-narrative.json")]
    public void Serialize_FullyModelledExample_WritesEveryValueBack(string fileName)
    {
        // Arrange: examples that use only elements the model has.
        var bytes = TestFiles.ReadExample(fileName);
        var resource = Parser.Parse(bytes).Resource!;

        // Act
        var written = FhirJson.Serialize(resource);

        // Assert
        var lost = Leaves(bytes).Keys.Except(Leaves(System.Text.Encoding.UTF8.GetBytes(written)).Keys).ToList();
        Assert.Empty(lost);
    }

    [Fact]
    public void Serialize_ObservationDecimalExample_KeepsEveryNumberExactlyAsWritten()
    {
        // Arrange
        var result = Parser.ParseFile(TestFiles.Example("Observation-decimal.json"));
        var observation = Assert.IsType<Observation>(result.Resource);

        // Act
        var written = FhirJson.Serialize(observation);

        // Assert
        var values = observation.Component.Select(c => c.ValueQuantity!.Value!.Value).ToList();
        Assert.Equal(
            ["1.0", "1.00", "1.0", "1E-22", "1000000000000000000", "1.000000000000000000E-245", "-1.000000000000000000E+245"],
            values.Select(v => v.Text).ToArray());
        Assert.Equal([true, true, true, true, true, false, false], values.Select(v => v.IsExact).ToArray());
        Assert.Equal(1.00m, values[1].Value);
        Assert.Equal(2, values[1].Value.Scale);
        Assert.Equal(1E-22m, values[3].Value);
        Assert.Equal(1_000_000_000_000_000_000m, values[4].Value);
        Assert.Equal(decimal.MinValue, values[6].Value);
        Assert.Contains("\"value\":1.00,", written, StringComparison.Ordinal);
        Assert.Contains("\"value\":1E-22,", written, StringComparison.Ordinal);
        Assert.Contains("\"value\":1000000000000000000,", written, StringComparison.Ordinal);
        Assert.Contains("\"value\":1.000000000000000000E-245,", written, StringComparison.Ordinal);
        Assert.Contains("\"value\":-1.000000000000000000E+245,", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PatientExample_KeepsBirthDateAtDayPrecisionDespitePrimitiveExtension()
    {
        // Arrange: Patient-example.json has "birthDate": "1974-12-25" and a "_birthDate" extension (birth time).
        var bytes = TestFiles.ReadExample("Patient-example.json");

        // Act
        var result = Parser.Parse(bytes);
        var written = FhirJson.Serialize(result.Resource!);

        // Assert
        Assert.Empty(result.Issues);
        var patient = Assert.IsType<Patient>(result.Resource);
        Assert.Equal("1974-12-25", patient.BirthDate!.Value.Value);
        Assert.Equal(DateTimePrecision.Day, patient.BirthDate.Value.Precision);
        Assert.Equal("male", patient.Gender);
        Assert.Equal("Chalmers", patient.Name[0].Family);
        Assert.Equal("Peter James", string.Join(' ', patient.Name[0].Given));
        Assert.Contains("\"birthDate\":\"1974-12-25\"", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AllergyIntoleranceExample_KeepsPartialDatesAtTheirPrecision()
    {
        // Arrange: onsetDateTime "2004" (a year) and lastOccurrence "2012-06" (a month).
        var bytes = TestFiles.ReadExample("AllergyIntolerance-example.json");

        // Act
        var allergy = Assert.IsType<AllergyIntolerance>(Parser.Parse(bytes).Resource);
        var written = FhirJson.Serialize(allergy);

        // Assert
        Assert.Equal("2004", allergy.OnsetDateTime!.Value.Value);
        Assert.Equal(DateTimePrecision.Year, allergy.OnsetDateTime.Value.Precision);
        Assert.Equal(new DateTimeOffset(2005, 1, 1, 0, 0, 0, TimeSpan.Zero), allergy.OnsetDateTime.Value.End);
        Assert.Equal("2012-06", allergy.LastOccurrence!.Value.Value);
        Assert.Equal(DateTimePrecision.Month, allergy.LastOccurrence.Value.Precision);
        Assert.Equal("2014-10-09T14:58:00+11:00", allergy.RecordedDate!.Value.Value);
        Assert.Equal(TimeSpan.FromHours(11), allergy.RecordedDate.Value.Start.Offset);
        Assert.Equal("2004", WrittenJson.TopLevelString(written, "onsetDateTime"));
        Assert.Equal("2012-06", WrittenJson.TopLevelString(written, "lastOccurrence"));
        Assert.Equal("2014-10-09T14:58:00+11:00", WrittenJson.TopLevelString(written, "recordedDate"));
    }

    [Fact]
    public void Parse_MedicationRequestExample_ReadsDosageTimingAndDoseRange()
    {
        // Arrange
        var bytes = TestFiles.ReadExample("MedicationRequest-medrx0310.json");

        // Act
        var request = Assert.IsType<MedicationRequest>(Parser.Parse(bytes).Resource);

        // Assert
        Assert.Equal("active", request.Status);
        Assert.Equal("order", request.Intent);
        Assert.Equal("#med0309", request.MedicationReference!.ReferenceValue);
        Assert.IsType<Medication>(Assert.Single(request.Contained));
        var dosage = Assert.Single(request.DosageInstruction);
        Assert.Equal(1, dosage.Sequence);
        Assert.Equal(1, dosage.Timing!.Repeat!.Frequency);
        Assert.Equal(1m, dosage.Timing.Repeat.Period);
        Assert.Equal("d", dosage.Timing.Repeat.PeriodUnit);
        Assert.Equal("26643006", dosage.Route!.CodeIn("http://snomed.info/sct"));
        var range = dosage.DoseAndRate[0].DoseRange!;
        Assert.Equal(1m, range.Low!.Value!.Value.Value);
        Assert.Equal(2m, range.High!.Value!.Value.Value);
        Assert.Equal("TAB", range.High.Code);
    }

    [Fact]
    public void Parse_TransactionResponseBundle_ReadsEntryResponseOutcome()
    {
        // Arrange
        var bytes = TestFiles.ReadExample("Bundle-bundle-response.json");

        // Act
        var result = Parser.Parse(bytes);

        // Assert
        var bundle = Assert.IsType<Bundle>(result.Resource);
        Assert.Equal("transaction-response", bundle.Type);
        var withOutcome = Assert.Single(bundle.Entry, e => e.Response?.Outcome is not null);
        Assert.IsType<OperationOutcome>(withOutcome.Response!.Outcome);
        Assert.All(bundle.Entry, e => Assert.NotNull(e.Response?.Status));
    }

    private static string ResourceTypeDeclaredIn(string fileName) => fileName[..fileName.IndexOf('-', StringComparison.Ordinal)];

    /// <summary>Gets every primitive in the JSON by its path, strings decoded and numbers as their exact text.</summary>
    private static Dictionary<string, string> Leaves(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        Collect(document.RootElement, "$", leaves);
        return leaves;
    }

    private static void Collect(JsonElement element, string path, Dictionary<string, string> leaves)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, $"{path}.{property.Name}", leaves);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, $"{path}[{i++}]", leaves);
                }

                break;
            case JsonValueKind.String:
                leaves[path] = "\"" + element.GetString() + "\"";
                break;
            default:
                leaves[path] = element.GetRawText();
                break;
        }
    }
}
