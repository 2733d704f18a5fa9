using B12Cds.Facts.Extraction;
using B12Cds.Facts.Model;
using B12Cds.Facts.Terminology;
using B12Cds.Facts.Tests.Extraction.Support;
using B12Cds.Fhir.Diagnostics;

namespace B12Cds.Facts.Tests.Extraction;

/// <summary>Findings (Conditions and non-laboratory Observations), procedures and allergies.</summary>
public sealed partial class FactExtractorTests
{
    private static string Condition(string id, string code, string extra = "") => $$"""
        {
          "resourceType": "Condition", "id": "{{id}}",
          "code": {{code}},
          "subject": {{TestBundles.Subject}}{{(extra.Length == 0 ? string.Empty : ", " + extra)}}
        }
        """;

    private static string ClinicalStatus(string code) =>
        $$"""
        "clinicalStatus": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "{{code}}" } ] }
        """;

    private static string VerificationStatus(string code) =>
        $$"""
        "verificationStatus": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "{{code}}" } ] }
        """;

    private const string PerniciousAnaemia = """{ "coding": [ { "system": "http://snomed.info/sct", "code": "84027009", "display": "Pernicious anemia" } ], "text": "Pernicious anaemia" }""";

    [Fact]
    public void Extract_ActiveCondition_FindingActiveWithValueSets()
    {
        // Arrange
        var condition = Condition("pa", PerniciousAnaemia, ClinicalStatus("active") + ", " + VerificationStatus("confirmed") + """
            , "onsetDateTime": "2025-02-20", "recordedDate": "2025-02-21"
            """);

        // Act
        var set = Extract(TestBundles.WithPatient(condition));

        // Assert
        var finding = Assert.Single(set.OfType<Finding>());
        Assert.Equal(FactStatus.Active, finding.Status);
        Assert.Equal("Condition", finding.Origin);
        Assert.Equal("confirmed", finding.Verification);
        Assert.True(finding.Is("pernicious-anaemia"));
        Assert.True(finding.Is("anaemia"));
        Assert.False(finding.Is("b12-symptoms"));
        Assert.Equal("84027009", finding.Code?.Code);
        Assert.Equal("2025-02-20", finding.Onset?.Value);
        Assert.Equal("2025-02-21", finding.Recorded?.Value);
        Assert.Null(finding.Abatement);
        Assert.Equal("Pernicious anaemia", finding.Label);
        Assert.Equal("finding", finding.FactType);
    }

    [Theory]
    [InlineData("resolved")]
    [InlineData("inactive")]
    [InlineData("remission")]
    public void Extract_ResolvedCondition_FindingInactive(string clinicalStatus)
    {
        // Arrange
        var condition = Condition("pa", PerniciousAnaemia, ClinicalStatus(clinicalStatus));

        // Act
        var finding = Assert.Single(Extract(TestBundles.WithPatient(condition)).OfType<Finding>());

        // Assert
        Assert.Equal(FactStatus.Inactive, finding.Status);
    }

    [Fact]
    public void Extract_AbatementWithoutClinicalStatus_FindingInactive()
    {
        // Arrange
        var condition = Condition("def", """{ "text": "Vitamin B12 deficiency" }""", """ "abatementDateTime": "2024-06-01" """);

        // Act
        var finding = Assert.Single(Extract(TestBundles.WithPatient(condition)).OfType<Finding>());

        // Assert
        Assert.Equal(FactStatus.Inactive, finding.Status);
        Assert.Equal("2024-06-01", finding.Abatement?.Value);
        Assert.True(finding.Is("b12-deficiency"));
        Assert.Equal(MatchKind.Text, finding.Concepts.Single(c => c.ValueSetId == "b12-deficiency").Kind);
        Assert.Null(finding.Code);
    }

    [Theory]
    [InlineData("refuted")]
    [InlineData("entered-in-error")]
    public void Extract_RefutedOrEnteredInErrorCondition_SkippedWithFact006(string verification)
    {
        // Arrange: still marked active, as in messy-ehr.json.
        var condition = Condition("pa", PerniciousAnaemia, ClinicalStatus("active") + ", " + VerificationStatus(verification));

        // Act
        var set = Extract(TestBundles.WithPatient(condition));

        // Assert
        Assert.Empty(set.OfType<Finding>());
        var issue = SingleIssue(set, FactIssueIds.ExcludedStatus);
        Assert.Equal(IssueSeverity.Information, issue.Severity);
        Assert.Equal("Bundle.entry[1].resource.verificationStatus", issue.Expression);
        Assert.Contains(verification, issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_UnrelatedCondition_NotAFactWithFact007Information()
    {
        // Arrange
        var condition = Condition("htn", """{ "coding": [ { "system": "http://snomed.info/sct", "code": "38341003", "display": "Hypertensive disorder" } ], "text": "Hypertension" }""");

        // Act
        var set = Extract(TestBundles.WithPatient(condition));

        // Assert
        Assert.Empty(set.OfType<Finding>());
        var issue = SingleIssue(set, FactIssueIds.NotRelevant);
        Assert.Equal(IssueSeverity.Information, issue.Severity);
        Assert.Equal("Bundle.entry[1].resource.code", issue.Expression);
        Assert.Contains("Hypertension", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_UnrelatedConditionWithReportNotRelevantOff_NoIssue()
    {
        // Arrange
        var condition = Condition("htn", """{ "text": "Hypertension" }""");

        // Act
        var set = Extract(TestBundles.WithPatient(condition), new ExtractionOptions { ReportNotRelevant = false });

        // Assert
        Assert.Empty(set.OfType<Finding>());
        Assert.Empty(set.Issues);
    }

    [Fact]
    public void Extract_VeganDietObservationByText_FindingFromObservation()
    {
        // Arrange
        var observation = """
            {
              "resourceType": "Observation", "id": "diet", "status": "final",
              "category": [ { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "social-history" } ] } ],
              "code": { "text": "Vegan diet" },
              "subject": { "reference": "Patient/p1" },
              "effectiveDateTime": "2026-10-14T11:00:00+01:00",
              "issued": "2026-10-14T12:00:00+01:00"
            }
            """;

        // Act
        var set = Extract(TestBundles.WithPatient(observation));

        // Assert
        var finding = Assert.Single(set.OfType<Finding>());
        Assert.Equal("Observation", finding.Origin);
        Assert.Equal(FactStatus.Active, finding.Status);
        var match = Assert.Single(finding.Concepts);
        Assert.Equal("vegan-diet", match.ValueSetId);
        Assert.Equal(MatchKind.Text, match.Kind);
        Assert.Equal("Vegan diet", match.MatchedText);
        Assert.Equal("2026-10-14T11:00:00+01:00", finding.Onset?.Value);
        Assert.Equal("2026-10-14T12:00:00+01:00", finding.Recorded?.Value);
        Assert.Empty(set.OfType<LabResult>());
    }

    [Fact]
    public void Extract_PregnancyStatusPregnant_FindingInPregnancy()
    {
        // Arrange
        var observation = PregnancyStatus("""{ "coding": [ { "system": "http://snomed.info/sct", "code": "77386006", "display": "Pregnant" } ], "text": "Pregnant" }""");

        // Act
        var finding = Assert.Single(Extract(TestBundles.WithPatient(observation)).OfType<Finding>());

        // Assert
        Assert.True(finding.Is("pregnancy"));
        Assert.True(finding.Is("pregnancy-status-observation"));
        Assert.Equal("Pregnancy status: Pregnant", finding.Label);
        Assert.Equal("82810-3", finding.Code?.Code);
    }

    [Fact]
    public void Extract_PregnancyStatusNotPregnant_NoPregnancyFinding()
    {
        // Arrange
        var observation = PregnancyStatus("""{ "coding": [ { "system": "http://snomed.info/sct", "code": "60001007", "display": "Not pregnant" } ], "text": "Not pregnant" }""");

        // Act
        var set = Extract(TestBundles.WithPatient(observation));

        // Assert
        Assert.DoesNotContain(set.OfType<Finding>(), f => f.Is("pregnancy"));
    }

    [Fact]
    public void Extract_PregnancyStatusValueCoded_PregnancyMatchedByCode()
    {
        // Arrange
        var observation = PregnancyStatus("""{ "coding": [ { "system": "http://snomed.info/sct", "code": "77386006", "display": "Pregnant" } ] }""");

        // Act
        var finding = Assert.Single(Extract(TestBundles.WithPatient(observation)).OfType<Finding>());

        // Assert
        Assert.Equal(MatchKind.Code, finding.Concepts.Single(c => c.ValueSetId == "pregnancy").Kind);
    }

    [Fact]
    public void Extract_NitrousOxideUseObservation_FindingInNitrousOxideUse()
    {
        // Arrange
        var observation = """
            {
              "resourceType": "Observation", "id": "n2o", "status": "final",
              "category": [ { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "social-history" } ] } ],
              "code": { "coding": [ { "system": "http://snomed.info/sct", "code": "26416006", "display": "Drug abuse" } ], "text": "Recreational drug use" },
              "subject": { "reference": "Patient/p1" },
              "effectiveDateTime": "2026-10-28T11:00:00Z",
              "valueCodeableConcept": { "coding": [ { "system": "http://snomed.info/sct", "code": "111132001", "display": "Nitrous oxide" } ], "text": "Nitrous oxide (laughing gas)" }
            }
            """;

        // Act
        var set = Extract(TestBundles.WithPatient(observation));

        // Assert
        var finding = Assert.Single(set.OfType<Finding>());
        Assert.True(finding.Is("nitrous-oxide-use"));
        Assert.Equal("Observation", finding.Origin);
        Assert.Equal("Recreational drug use: Nitrous oxide (laughing gas)", finding.Label);
    }

    [Fact]
    public void Extract_FindingObservationValueBooleanFalse_NoFactWithFact012()
    {
        // Arrange
        var observation = """
            {
              "resourceType": "Observation", "id": "diet", "status": "final",
              "code": { "text": "Vegan diet" },
              "subject": { "reference": "Patient/p1" },
              "effectiveDateTime": "2026-10-14",
              "valueBoolean": false
            }
            """;

        // Act
        var set = Extract(TestBundles.WithPatient(observation));

        // Assert
        Assert.Empty(set.OfType<Finding>());
        var issue = SingleIssue(set, FactIssueIds.RecordedAbsent);
        Assert.Equal(IssueSeverity.Information, issue.Severity);
        Assert.Equal("Bundle.entry[1].resource", issue.Expression);
    }

    [Fact]
    public void Extract_FindingObservationValueNegative_NoFactWithFact012()
    {
        // Arrange
        var observation = """
            {
              "resourceType": "Observation", "id": "tingling", "status": "final",
              "code": { "text": "Tingling in feet" },
              "subject": { "reference": "Patient/p1" },
              "effectiveDateTime": "2026-10-14",
              "valueCodeableConcept": { "coding": [ { "system": "http://snomed.info/sct", "code": "260385009", "display": "Negative" } ] }
            }
            """;

        // Act
        var set = Extract(TestBundles.WithPatient(observation));

        // Assert
        Assert.Empty(set.OfType<Finding>());
        SingleIssue(set, FactIssueIds.RecordedAbsent);
    }

    [Fact]
    public void Extract_UnrelatedObservation_NotAFactWithFact007()
    {
        // Arrange
        var observation = TestBundles.Lab("bp", "85354-9", """ "valueString": "120/80" """);

        // Act
        var set = Extract(TestBundles.WithPatient(observation));

        // Assert
        Assert.Single(set.Facts);
        Assert.Equal("Bundle.entry[1].resource.code", SingleIssue(set, FactIssueIds.NotRelevant).Expression);
    }

    [Fact]
    public void Extract_CompletedGastrectomyProcedure_ProcedureFact()
    {
        // Arrange
        var procedure = """
            {
              "resourceType": "Procedure", "id": "gx", "status": "completed",
              "code": { "coding": [ { "system": "http://example.org/local-procedures", "code": "GX-T" } ], "text": "Total gastrectomy" },
              "subject": { "reference": "Patient/p1" },
              "performedDateTime": "2015-03-02"
            }
            """;

        // Act
        var fact = Assert.Single(Extract(TestBundles.WithPatient(procedure)).OfType<ProcedureFact>());

        // Assert
        Assert.True(fact.Is("gastrectomy"));
        Assert.True(fact.Is("total-gastrectomy"));
        Assert.Equal("2015-03-02", fact.Performed?.Value);
        Assert.Equal("completed", fact.FhirStatus);
        Assert.Equal("procedure", fact.FactType);
    }

    [Fact]
    public void Extract_BariatricProcedureByTextWithNoCoding_ProcedureFactMatchedByText()
    {
        // Arrange
        var procedure = """
            {
              "resourceType": "Procedure", "id": "rygb", "status": "completed",
              "code": { "text": "Roux-en-Y gastric bypass" },
              "subject": { "reference": "Patient/p1" },
              "performedPeriod": { "start": "2019-04-09", "end": "2019-04-10" }
            }
            """;

        // Act
        var fact = Assert.Single(Extract(TestBundles.WithPatient(procedure)).OfType<ProcedureFact>());

        // Assert
        var match = Assert.Single(fact.Concepts);
        Assert.Equal("bariatric-surgery", match.ValueSetId);
        Assert.Equal(MatchKind.Text, match.Kind);
        Assert.Equal("2019-04-09", fact.Performed?.Value);
    }

    [Theory]
    [InlineData("not-done")]
    [InlineData("entered-in-error")]
    public void Extract_ProcedureNotDone_SkippedWithFact006(string status)
    {
        // Arrange
        var procedure = $$"""
            { "resourceType": "Procedure", "id": "gx", "status": "{{status}}", "code": { "text": "Gastrectomy" }, "subject": { "reference": "Patient/p1" } }
            """;

        // Act
        var set = Extract(TestBundles.WithPatient(procedure));

        // Assert
        Assert.Empty(set.OfType<ProcedureFact>());
        Assert.Equal("Bundle.entry[1].resource.status", SingleIssue(set, FactIssueIds.ExcludedStatus).Expression);
    }

    [Fact]
    public void Extract_CobaltAllergyByText_AllergyFactActive()
    {
        // Arrange
        var allergy = Allergy("""
            "clinicalStatus": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "code": "active" } ] },
            "verificationStatus": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "code": "confirmed" } ] },
            "type": "allergy", "criticality": "high",
            "code": { "coding": [ { "system": "http://snomed.info/sct", "code": "54808007", "display": "Cobalt" } ], "text": "Cobalt allergy" }
            """);

        // Act
        var fact = Assert.Single(Extract(TestBundles.WithPatient(allergy)).OfType<AllergyFact>());

        // Assert
        var match = Assert.Single(fact.Concepts);
        Assert.Equal("cobalt-allergy", match.ValueSetId);
        Assert.Equal(MatchKind.Text, match.Kind);
        Assert.Equal(FactStatus.Active, fact.Status);
        Assert.Equal("high", fact.Criticality);
        Assert.Equal("confirmed", fact.Verification);
        Assert.Equal("allergy", fact.Type);
        Assert.Equal("Cobalt allergy", fact.Label);
    }

    [Fact]
    public void Extract_RefutedAllergy_SkippedWithFact006()
    {
        // Arrange
        var allergy = Allergy("""
            "verificationStatus": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "code": "refuted" } ] },
            "code": { "text": "Cobalt allergy" }
            """);

        // Act
        var set = Extract(TestBundles.WithPatient(allergy));

        // Assert
        Assert.Empty(set.OfType<AllergyFact>());
        Assert.Equal("Bundle.entry[1].resource.verificationStatus", SingleIssue(set, FactIssueIds.ExcludedStatus).Expression);
    }

    [Fact]
    public void Extract_ResolvedAllergy_AllergyFactInactive()
    {
        // Arrange
        var allergy = Allergy("""
            "clinicalStatus": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "code": "resolved" } ] },
            "code": { "text": "Cobalt allergy" }
            """);

        // Act
        var fact = Assert.Single(Extract(TestBundles.WithPatient(allergy)).OfType<AllergyFact>());

        // Assert
        Assert.Equal(FactStatus.Inactive, fact.Status);
    }

    [Fact]
    public void Extract_AllergyMatchedByReactionSubstance_AllergyFact()
    {
        // Arrange: the allergy's own code says nothing about B12; the reaction's substance does.
        var allergy = Allergy("""
            "code": { "text": "Drug allergy" },
            "reaction": [ {
              "substance": { "coding": [ { "system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "309594", "display": "cyanocobalamin 1 MG/ML Injectable Solution" } ] },
              "manifestation": [ { "text": "Urticaria" } ] } ]
            """);

        // Act
        var fact = Assert.Single(Extract(TestBundles.WithPatient(allergy)).OfType<AllergyFact>());

        // Assert
        Assert.True(fact.Is("cobalamin-allergy"));
        Assert.Equal(MatchKind.Code, fact.Concepts.Single(c => c.ValueSetId == "cobalamin-allergy").Kind);
        Assert.Equal("Drug allergy", fact.Label);
    }

    [Fact]
    public void Extract_UnrelatedAllergy_NotAFactWithFact007()
    {
        // Arrange
        var allergy = Allergy("""
            "code": { "text": "Penicillin" }
            """);

        // Act
        var set = Extract(TestBundles.WithPatient(allergy));

        // Assert
        Assert.Empty(set.OfType<AllergyFact>());
        Assert.Equal("Bundle.entry[1].resource.code", SingleIssue(set, FactIssueIds.NotRelevant).Expression);
    }

    private static string PregnancyStatus(string value) => $$"""
        {
          "resourceType": "Observation", "id": "preg", "status": "final",
          "category": [ { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "social-history" } ] } ],
          "code": { "coding": [ { "system": "http://loinc.org", "code": "82810-3", "display": "Pregnancy status" } ], "text": "Pregnancy status" },
          "subject": {{TestBundles.Subject}},
          "effectiveDateTime": "2026-10-20T09:00:00+01:00",
          "valueCodeableConcept": {{value}}
        }
        """;

    private static string Allergy(string members) => $$"""
        {
          "resourceType": "AllergyIntolerance", "id": "alg",
          "patient": {{TestBundles.Subject}},
          {{members}}
        }
        """;
}
