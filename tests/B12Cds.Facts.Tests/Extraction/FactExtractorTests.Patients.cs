using B12Cds.Facts.Extraction;
using B12Cds.Facts.Model;
using B12Cds.Facts.Tests.Extraction.Support;
using B12Cds.Fhir.Diagnostics;

namespace B12Cds.Facts.Tests.Extraction;

/// <summary>The patient: age at the evaluation time, sex, and which patient's data is read.</summary>
public sealed partial class FactExtractorTests
{
    private static string PatientResource(string id, string birthDate = "1970-05-01", string gender = "female") =>
        $$"""{ "resourceType": "Patient", "id": "{{id}}", "gender": "{{gender}}", "birthDate": "{{birthDate}}" }""";

    private static string B12For(string id, string subjectReference, string value = "150") =>
        TestBundles.Lab(id, "2132-9", TestBundles.Quantity(value, "ng/L")).Replace("\"Patient/p1\"", $"\"{subjectReference}\"", StringComparison.Ordinal);

    [Theory]
    [InlineData("1970-11-02", 55)] // birthday not yet reached this year
    [InlineData("1970-11-01", 56)] // birthday today
    [InlineData("1970-10-31", 56)] // birthday yesterday
    [InlineData("1970", 55)] // a year only: the lowest age it allows (born 31 Dec 1970)
    [InlineData("1970-11", 55)] // a month only: the lowest age (born 30 Nov 1970)
    [InlineData("1970-10", 56)] // a month already passed
    [InlineData("2026-11-01", 0)] // born today
    public void Extract_PatientBirthDate_AgeYearsAtAsOf(string birthDate, int expected)
    {
        // Arrange
        var json = TestBundles.Bundle(PatientResource("p1", birthDate));

        // Act
        var set = Extract(json);

        // Assert
        Assert.NotNull(set.Patient);
        Assert.Equal(expected, set.Patient.AgeYears);
        Assert.Equal(birthDate, set.Patient.BirthDate?.Value);
    }

    [Fact]
    public void Extract_Patient_PatientFactFirstWithSexAndId()
    {
        // Arrange
        var json = TestBundles.Bundle(TestBundles.Lab("b12", "2132-9", TestBundles.Quantity("150", "ng/L")), PatientResource("p1", "1954-07-12", "male"));

        // Act
        var set = Extract(json);

        // Assert
        var patient = Assert.IsType<PatientFact>(set.Facts[0]);
        Assert.Same(set.Patient, patient);
        Assert.Equal("p1", patient.PatientId);
        Assert.Equal("male", patient.Sex);
        Assert.Equal(72, patient.AgeYears);
        Assert.False(patient.Deceased);
        Assert.Equal("patient", patient.FactType);
        Assert.Equal("Bundle.entry[1].resource", patient.Source.Path);
        Assert.IsType<LabResult>(set.Facts[1]);
        Assert.Equal(TestBundles.AsOf, set.AsOf);
    }

    [Fact]
    public void Extract_DeceasedPatient_Deceased()
    {
        // Arrange
        var json = TestBundles.Bundle("""{ "resourceType": "Patient", "id": "p1", "deceasedDateTime": "2026-10-30" }""");

        // Act
        var set = Extract(json);

        // Assert
        Assert.True(set.Patient!.Deceased);
        Assert.Null(set.Patient.AgeYears);
        Assert.Null(set.Patient.Sex);
    }

    [Fact]
    public void Extract_NoPatient_Fact008AndFactsStillExtracted()
    {
        // Arrange
        var json = TestBundles.Bundle(TestBundles.Lab("b12", "2132-9", TestBundles.Quantity("150", "ng/L")));

        // Act
        var set = Extract(json);

        // Assert
        Assert.Null(set.Patient);
        Assert.IsType<LabResult>(Assert.Single(set.Facts));
        var issue = SingleIssue(set, FactIssueIds.NoPatient);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Null(issue.Expression);
    }

    [Fact]
    public void Extract_TwoPatients_Fact010AndOtherPatientsObservationSkippedWithFact005()
    {
        // Arrange
        var json = TestBundles.Bundle(
            PatientResource("p1"),
            PatientResource("p2", "1950-01-01"),
            B12For("mine", "Patient/p1", "150"),
            B12For("theirs", "Patient/p2", "450"));

        // Act
        var set = Extract(json);

        // Assert
        Assert.Equal("p1", set.Patient?.PatientId);
        var lab = Assert.Single(set.OfType<LabResult>());
        Assert.Equal("mine", lab.Source.Id);
        var several = SingleIssue(set, FactIssueIds.SeveralPatients);
        Assert.Equal(IssueSeverity.Warning, several.Severity);
        Assert.Equal("Bundle.entry[0].resource", several.Expression);
        var other = SingleIssue(set, FactIssueIds.OtherPatient);
        Assert.Equal(IssueSeverity.Warning, other.Severity);
        Assert.Equal("Bundle.entry[3].resource.subject", other.Expression);
    }

    [Fact]
    public void Extract_PatientIdOption_PicksTheSecondPatient()
    {
        // Arrange
        var json = TestBundles.Bundle(
            PatientResource("p1"),
            PatientResource("p2", "1950-01-01", "male"),
            B12For("first", "Patient/p1", "150"),
            B12For("second", "Patient/p2", "450"));

        // Act
        var set = Extract(json, new ExtractionOptions { PatientId = "p2" });

        // Assert
        Assert.Equal("p2", set.Patient?.PatientId);
        Assert.Equal(76, set.Patient?.AgeYears);
        Assert.Equal("Bundle.entry[1].resource", set.Patient?.Source.Path);
        var lab = Assert.Single(set.OfType<LabResult>());
        Assert.Equal("second", lab.Source.Id);
        Assert.Equal("Bundle.entry[2].resource.subject", SingleIssue(set, FactIssueIds.OtherPatient).Expression);
        Assert.Contains("Patient/p2", SingleIssue(set, FactIssueIds.SeveralPatients).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_PatientIdOptionNotInInput_Fact008()
    {
        // Arrange
        var json = TestBundles.Bundle(PatientResource("p1"));

        // Act
        var set = Extract(json, new ExtractionOptions { PatientId = "p9" });

        // Assert
        Assert.Null(set.Patient);
        Assert.Contains("p9", SingleIssue(set, FactIssueIds.NoPatient).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_PatientIdOptionNotInInput_OtherPatientsDataSkipped()
    {
        // Arrange
        var json = TestBundles.Bundle(PatientResource("p1"), B12For("theirs", "Patient/p1"));

        // Act
        var set = Extract(json, new ExtractionOptions { PatientId = "p9" });

        // Assert
        Assert.Empty(set.OfType<LabResult>());
        SingleIssue(set, FactIssueIds.OtherPatient);
    }

    [Theory]
    [InlineData("Patient/p1")]
    [InlineData("http://ehr.example.org/fhir/Patient/p1")]
    [InlineData("Patient/p1/_history/3")]
    public void Extract_SubjectNamesPatientIdWithoutFullUrlMatch_Accepted(string reference)
    {
        // Arrange: every entry has a urn:uuid fullUrl, so only the Patient's type and id can match.
        var json = TestBundles.BundleWithFullUrls(
            ("urn:uuid:6f1f5a52-0d7e-4c1a-9d3b-000000000001", PatientResource("p1")),
            ("urn:uuid:6f1f5a52-0d7e-4c1a-9d3b-000000000002", B12For("b12", reference)));

        // Act
        var set = Extract(json);

        // Assert
        Assert.Single(set.OfType<LabResult>());
        Assert.DoesNotContain(set.Issues, i => i.Id is FactIssueIds.OtherPatient or FactIssueIds.UnresolvedReference);
    }

    [Fact]
    public void Extract_SubjectUrnUuidOfPatientEntry_Accepted()
    {
        // Arrange
        var json = TestBundles.BundleWithFullUrls(
            ("urn:uuid:6f1f5a52-0d7e-4c1a-9d3b-000000000001", PatientResource("6f1f5a52-0d7e-4c1a-9d3b-000000000001")),
            (null, B12For("b12", "urn:uuid:6f1f5a52-0d7e-4c1a-9d3b-000000000001")));

        // Act
        var set = Extract(json);

        // Assert
        Assert.Single(set.OfType<LabResult>());
        Assert.Empty(set.Issues);
    }

    [Fact]
    public void Extract_SubjectUrnUuidAlsoTheFullUrlOfAnEarlierEntry_ResolvesToTheEarlierEntryAndSkipped()
    {
        // Arrange: a reference resolves to the first entry with that fullUrl, here a Condition before the Patient.
        const string Url = "urn:uuid:6f1f5a52-0d7e-4c1a-9d3b-000000000001";
        var condition = """{ "resourceType": "Condition", "id": "c", "code": { "text": "Vitamin B12 deficiency" } }""";
        var json = TestBundles.BundleWithFullUrls((Url, condition), (Url, PatientResource("p1")), (null, B12For("b12", Url)));

        // Act
        var set = Extract(json);

        // Assert
        Assert.Single(set.OfType<Finding>());
        Assert.Empty(set.OfType<LabResult>());
        var issue = SingleIssue(set, FactIssueIds.UnresolvedReference);
        Assert.Equal("Bundle.entry[2].resource.subject", issue.Expression);
    }

    [Fact]
    public void Extract_SubjectReferenceToUnknownPatient_SkippedWithFact004()
    {
        // Arrange
        var json = TestBundles.WithPatient(B12For("b12", "Patient/nobody"));

        // Act
        var set = Extract(json);

        // Assert
        Assert.Empty(set.OfType<LabResult>());
        var issue = SingleIssue(set, FactIssueIds.UnresolvedReference);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal("Bundle.entry[1].resource.subject", issue.Expression);
        Assert.Contains("Patient/nobody", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_ResourceWithoutSubject_ReadAsThePatients()
    {
        // Arrange
        var condition = """{ "resourceType": "Condition", "id": "c", "code": { "text": "Vitamin B12 deficiency" } }""";

        // Act
        var set = Extract(TestBundles.WithPatient(condition));

        // Assert
        Assert.Single(set.OfType<Finding>());
        Assert.Empty(set.Issues);
    }
}
