using B12Cds.Facts.Extraction;
using B12Cds.Facts.Model;
using B12Cds.Facts.Tests.Extraction.Support;

namespace B12Cds.Facts.Tests.Extraction;

/// <summary>Where each fact came from (<see cref="SourceReference"/>), and inputs that are not a flat Bundle.</summary>
public sealed partial class FactExtractorTests
{
    [Fact]
    public void Extract_OneResourceOfEachType_EverySourceHasTypeIdReferenceAndPath()
    {
        // Arrange
        var json = TestBundles.WithPatient(
            TestBundles.Lab("lab-1", "2132-9", TestBundles.Quantity("150", "ng/L")),
            Condition("cond-1", PerniciousAnaemia),
            Request("req-1", "active", $"\"medicationCodeableConcept\": {Hydroxocobalamin}"),
            MedicationStatement("active").Replace("\"id\": \"ms\"", "\"id\": \"stmt-1\"", StringComparison.Ordinal),
            Administration("completed", "\"effectiveDateTime\": \"2026-09-14T10:40:00+01:00\",").Replace("\"id\": \"ma\"", "\"id\": \"adm-1\"", StringComparison.Ordinal),
            """{ "resourceType": "Procedure", "id": "proc-1", "status": "completed", "code": { "text": "Gastrectomy" }, "subject": { "reference": "Patient/p1" } }""",
            Allergy("\"code\": { \"text\": \"Cobalt allergy\" }"),
            """{ "resourceType": "Observation", "id": "obs-2", "status": "final", "code": { "text": "Vegan diet" }, "subject": { "reference": "Patient/p1" } }""");

        // Act
        var set = Extract(json);

        // Assert
        Assert.Equal(
            [
                new SourceReference("Patient", "p1", "Patient/p1", "Bundle.entry[0].resource"),
                new SourceReference("Observation", "lab-1", "Observation/lab-1", "Bundle.entry[1].resource"),
                new SourceReference("Condition", "cond-1", "Condition/cond-1", "Bundle.entry[2].resource"),
                new SourceReference("MedicationRequest", "req-1", "MedicationRequest/req-1", "Bundle.entry[3].resource"),
                new SourceReference("MedicationStatement", "stmt-1", "MedicationStatement/stmt-1", "Bundle.entry[4].resource"),
                new SourceReference("MedicationAdministration", "adm-1", "MedicationAdministration/adm-1", "Bundle.entry[5].resource"),
                new SourceReference("Procedure", "proc-1", "Procedure/proc-1", "Bundle.entry[6].resource"),
                new SourceReference("AllergyIntolerance", "alg", "AllergyIntolerance/alg", "Bundle.entry[7].resource"),
                new SourceReference("Observation", "obs-2", "Observation/obs-2", "Bundle.entry[8].resource"),
            ],
            set.Facts.Select(f => f.Source));
        Assert.Equal(
            [typeof(PatientFact), typeof(LabResult), typeof(Finding), typeof(MedicationUse), typeof(MedicationUse), typeof(MedicationGiven), typeof(ProcedureFact), typeof(AllergyFact), typeof(Finding)],
            set.Facts.Select(f => f.GetType()));
        Assert.Empty(set.Issues);
    }

    [Fact]
    public void Extract_ResourceWithoutIdButWithFullUrl_ReferenceIsFullUrl()
    {
        // Arrange
        var condition = """{ "resourceType": "Condition", "code": { "text": "Vitamin B12 deficiency" } }""";
        var json = TestBundles.BundleWithFullUrls(("urn:uuid:7d4c2b1a-0000-4000-8000-000000000001", condition));

        // Act
        var finding = Assert.Single(Extract(json).OfType<Finding>());

        // Assert
        Assert.Null(finding.Source.Id);
        Assert.Equal("urn:uuid:7d4c2b1a-0000-4000-8000-000000000001", finding.Source.Reference);
        Assert.Equal("urn:uuid:7d4c2b1a-0000-4000-8000-000000000001", finding.Source.ToString());
    }

    [Fact]
    public void Extract_ResourceWithoutIdOrFullUrl_ReferenceNullAndToStringIsPath()
    {
        // Arrange
        var condition = """{ "resourceType": "Condition", "code": { "text": "Vitamin B12 deficiency" } }""";

        // Act
        var finding = Assert.Single(Extract(TestBundles.Bundle(condition)).OfType<Finding>());

        // Assert
        Assert.Null(finding.Source.Reference);
        Assert.Equal("Bundle.entry[0].resource", finding.Source.ToString());
    }

    [Fact]
    public void Extract_SingleObservationNotInBundle_FactWithRootPathAndFact008()
    {
        // Arrange
        var observation = TestBundles.Lab("b12", "2132-9", TestBundles.Quantity("150", "ng/L"));

        // Act
        var set = Extract(observation);

        // Assert
        var lab = Assert.IsType<LabResult>(Assert.Single(set.Facts));
        Assert.Equal(new SourceReference("Observation", "b12", "Observation/b12", "Observation"), lab.Source);
        SingleIssue(set, FactIssueIds.NoPatient);
    }

    [Fact]
    public void Extract_SinglePanelNotInBundle_ComponentPathsFromRoot()
    {
        // Arrange
        var panel = """
            {
              "resourceType": "Observation", "id": "cbc", "status": "final",
              "code": { "text": "Full blood count" },
              "effectiveDateTime": "2026-10-27",
              "component": [ { "code": { "coding": [ { "system": "http://loinc.org", "code": "787-2" } ] }, "valueQuantity": { "value": 109, "unit": "fl" } } ]
            }
            """;

        // Act
        var lab = Assert.Single(Extract(panel).OfType<LabResult>());

        // Assert
        Assert.Equal("Observation.component[0]", lab.Source.Path);
        Assert.Equal(new Measurement(109m, "fL"), lab.Value);
    }

    [Fact]
    public void Extract_SinglePatientNotInBundle_PatientFactOnly()
    {
        // Arrange
        var patient = TestBundles.Patient;

        // Act
        var set = Extract(patient);

        // Assert
        Assert.Equal("Patient", Assert.Single(set.Facts).Source.Path);
        Assert.Empty(set.Issues);
    }

    [Fact]
    public void Extract_NestedBundle_EntriesReadWithNestedPath()
    {
        // Arrange
        var inner = TestBundles.Bundle(TestBundles.Lab("b12", "2132-9", TestBundles.Quantity("150", "ng/L")));
        var json = TestBundles.Bundle(TestBundles.Patient, inner);

        // Act
        var set = Extract(json);

        // Assert
        var lab = Assert.Single(set.OfType<LabResult>());
        Assert.Equal("Bundle.entry[1].resource.entry[0].resource", lab.Source.Path);
        Assert.Equal("p1", set.Patient?.PatientId);
    }

    [Fact]
    public void Extract_AllergyOfOtherPatient_Fact005ExpressionNamesPatientElement()
    {
        // Arrange
        var json = TestBundles.Bundle(
            PatientResource("p1"),
            PatientResource("p2"),
            Allergy("\"code\": { \"text\": \"Cobalt allergy\" }").Replace("\"Patient/p1\"", "\"Patient/p2\"", StringComparison.Ordinal));

        // Act
        var set = Extract(json);

        // Assert
        Assert.Empty(set.OfType<AllergyFact>());
        Assert.Equal("Bundle.entry[2].resource.patient", SingleIssue(set, FactIssueIds.OtherPatient).Expression);
    }

    [Fact]
    public void Extract_AllergyOfOtherPatient_SkippedWithFact005()
    {
        // Arrange
        var json = TestBundles.Bundle(
            PatientResource("p1"),
            PatientResource("p2"),
            Allergy("\"code\": { \"text\": \"Cobalt allergy\" }").Replace("\"Patient/p1\"", "\"Patient/p2\"", StringComparison.Ordinal));

        // Act
        var set = Extract(json);

        // Assert
        Assert.Empty(set.OfType<AllergyFact>());
        SingleIssue(set, FactIssueIds.OtherPatient);
    }

    [Fact]
    public void Extract_RelativeReferencesBetweenAbsoluteFullUrls_ResolvedAgainstTheEntrysBase()
    {
        // Arrange: the Medication's id differs from its fullUrl's, so only the fullUrl (base + relative reference) matches.
        var json = TestBundles.BundleWithFullUrls(
            ("http://ehr.example.org/fhir/Patient/p1", TestBundles.Patient),
            ("http://ehr.example.org/fhir/Medication/m1", """{ "resourceType": "Medication", "code": { "text": "Hydroxocobalamin 1 mg/mL injection" } }"""),
            ("http://ehr.example.org/fhir/MedicationRequest/r1", Request("r1", "active", "\"medicationReference\": { \"reference\": \"Medication/m1\" }")));

        // Act
        var set = Extract(json);

        // Assert
        var use = Assert.Single(set.OfType<MedicationUse>());
        Assert.True(use.Is("hydroxocobalamin"));
        Assert.Empty(set.Issues);
    }
}
