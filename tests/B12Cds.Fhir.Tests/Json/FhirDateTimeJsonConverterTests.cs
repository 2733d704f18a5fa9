using B12Cds.Fhir.Diagnostics;
using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;
using B12Cds.Fhir.Tests.Support;

namespace B12Cds.Fhir.Tests.Json;

/// <summary>FHIR dates and dateTimes through JSON: the text read is the text written, never normalized.</summary>
public sealed class FhirDateTimeJsonConverterTests
{
    private static readonly FhirJsonParser Parser = new();

    public static TheoryData<string> DateTexts { get; } = new()
    {
        "1974", "1974-12", "1974-12-25", "2024-03-15T10:30:00Z", "2024-03-15T10:30:00+01:00", "2024-03-15T10:30:00-05:00",
        "2024-03-15T10:30:00.000Z", "2024-03-15T10:30:00.1234567+01:00", "2024-03-15T10:30:00", "2016-12-31T23:59:60Z",
    };

    [Theory]
    [MemberData(nameof(DateTexts))]
    public void Write_DateTimeRead_IsWrittenWithTheSameText(string text)
    {
        // Arrange
        var json = $"{{\"resourceType\":\"Observation\",\"effectiveDateTime\":\"{text}\",\"issued\":\"{text}\"}}";
        var observation = Assert.IsType<Observation>(Parser.Parse(json).Resource);

        // Act
        var written = FhirJson.Serialize(observation);

        // Assert
        Assert.Equal(text, observation.EffectiveDateTime!.Value.Value);
        Assert.Equal(text, WrittenJson.TopLevelString(written, "effectiveDateTime"));
        Assert.Equal(text, WrittenJson.TopLevelString(written, "issued"));
    }

    [Theory]
    [InlineData("1974", DateTimePrecision.Year)]
    [InlineData("1974-12", DateTimePrecision.Month)]
    [InlineData("1974-12-25", DateTimePrecision.Day)]
    public void Read_PartialBirthDate_KeepsItsPrecision(string birthDate, DateTimePrecision precision)
    {
        // Act
        var result = Parser.Parse($"{{\"resourceType\":\"Patient\",\"birthDate\":\"{birthDate}\"}}");

        // Assert
        Assert.Empty(result.Issues);
        var patient = Assert.IsType<Patient>(result.Resource);
        Assert.Equal(precision, patient.BirthDate!.Value.Precision);
        Assert.Equal($"{{\"resourceType\":\"Patient\",\"birthDate\":\"{birthDate}\"}}", FhirJson.Serialize(patient));
    }

    [Fact]
    public void Read_ListOfDateTimes_ReadsEachOne()
    {
        // Act
        var result = Parser.Parse("{\"resourceType\":\"MedicationRequest\",\"dosageInstruction\":[{\"timing\":{\"event\":[\"2024-03-15\",\"2024-03-17T09:00:00Z\"]}}]}");

        // Assert
        var timing = Assert.IsType<MedicationRequest>(result.Resource).DosageInstruction[0].Timing!;
        Assert.Equal(["2024-03-15", "2024-03-17T09:00:00Z"], timing.Event.Select(e => e.Value).ToArray());
    }

    [Theory]
    [InlineData("2024", "a number")]
    [InlineData("true", "a boolean")]
    [InlineData("[\"2024\"]", "an array")]
    public void Read_NotAJsonString_IsInvalidElementSayingWhatWasFound(string value, string found)
    {
        // Act
        var result = Parser.Parse($"{{\"resourceType\":\"Patient\",\"birthDate\":{value}}}");

        // Assert
        var issue = Assert.Single(result.Issues);
        Assert.Equal(IssueIds.InvalidElement, issue.Id);
        Assert.Equal("Patient.birthDate", issue.Expression);
        Assert.Equal($"Expected a FHIR date or dateTime string, found {found}. Nothing was read.", issue.Message);
    }

    [Fact]
    public void Read_NotAFhirDate_MessageSaysWhatIsExpected()
    {
        // Act
        var result = Parser.Parse("{\"resourceType\":\"Patient\",\"birthDate\":\"25/12/1974\"}");

        // Assert
        Assert.Equal(
            "'25/12/1974' is not a FHIR date or dateTime (expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss+zz:zz). Nothing was read.",
            Assert.Single(result.Issues).Message);
    }
}
