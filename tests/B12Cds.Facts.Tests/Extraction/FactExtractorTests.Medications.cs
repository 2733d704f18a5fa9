using B12Cds.Facts.Extraction;
using B12Cds.Facts.Model;
using B12Cds.Facts.Terminology;
using B12Cds.Facts.Tests.Extraction.Support;
using B12Cds.Fhir.Diagnostics;

namespace B12Cds.Facts.Tests.Extraction;

/// <summary>MedicationRequest, MedicationStatement and MedicationAdministration: statuses, Medication references and dosage.</summary>
public sealed partial class FactExtractorTests
{
    private const string Hydroxocobalamin = """{ "coding": [ { "system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "317106", "display": "hydroxocobalamin 1 MG/ML Injectable Solution" } ], "text": "Hydroxocobalamin 1 mg/mL injection" }""";

    private const string OralCyanocobalamin = """{ "coding": [ { "system": "http://www.whocc.no/atc", "code": "B03BA01", "display": "cyanocobalamin" } ], "text": "Cyanocobalamin 1 mg tablets" }""";

    private const string Intramuscular = """{ "coding": [ { "system": "http://snomed.info/sct", "code": "78421000", "display": "Intramuscular route" } ] }""";

    private const string Oral = """{ "coding": [ { "system": "http://snomed.info/sct", "code": "26643006", "display": "Oral route" } ] }""";

    private static string Request(string id, string status, string members, string intent = "order") => $$"""
        {
          "resourceType": "MedicationRequest", "id": "{{id}}", "status": "{{status}}", "intent": "{{intent}}",
          "subject": {{TestBundles.Subject}},
          "authoredOn": "2026-10-28",
          {{members}}
        }
        """;

    private static string Dose(int? sequence, string doseValue, string doseUnit, string route, string repeat) => $$"""
        {
          {{(sequence is null ? string.Empty : $"\"sequence\": {sequence},")}}
          "timing": { "repeat": { {{repeat}} } },
          "route": {{route}},
          "doseAndRate": [ { "doseQuantity": { "value": {{doseValue}}, "unit": "{{doseUnit}}", "system": "http://unitsofmeasure.org", "code": "{{doseUnit}}" } } ]
        }
        """;

    [Theory]
    [InlineData("active", "order", FactStatus.Active)]
    [InlineData("on-hold", "order", FactStatus.Active)]
    [InlineData("draft", "order", FactStatus.Proposed)]
    [InlineData("completed", "order", FactStatus.Inactive)]
    [InlineData("stopped", "order", FactStatus.Inactive)]
    [InlineData("active", "proposal", FactStatus.Proposed)]
    public void Extract_MedicationRequestStatus_MedicationUseStatus(string status, string intent, FactStatus expected)
    {
        // Arrange
        var request = Request("mr", status, $"\"medicationCodeableConcept\": {Hydroxocobalamin}", intent);

        // Act
        var use = Assert.Single(Extract(TestBundles.WithPatient(request)).OfType<MedicationUse>());

        // Assert
        Assert.Equal(expected, use.Status);
        Assert.Equal(status, use.FhirStatus);
        Assert.Equal(intent, use.Intent);
        Assert.Equal("MedicationRequest", use.Origin);
        Assert.True(use.Is("hydroxocobalamin"));
        Assert.True(use.Is("b12-replacement"));
        Assert.Equal("2026-10-28", use.Start?.Value);
        Assert.Equal("Hydroxocobalamin 1 mg/mL injection", use.Label);
    }

    [Theory]
    [InlineData("cancelled")]
    [InlineData("entered-in-error")]
    public void Extract_MedicationRequestCancelled_SkippedWithFact006(string status)
    {
        // Arrange
        var request = Request("mr", status, $"\"medicationCodeableConcept\": {Hydroxocobalamin}");

        // Act
        var set = Extract(TestBundles.WithPatient(request));

        // Assert
        Assert.Empty(set.OfType<MedicationUse>());
        var issue = SingleIssue(set, FactIssueIds.ExcludedStatus);
        Assert.Equal(IssueSeverity.Information, issue.Severity);
        Assert.Equal("Bundle.entry[1].resource.status", issue.Expression);
    }

    [Fact]
    public void Extract_MedicationRequestDoNotPerform_SkippedWithFact006()
    {
        // Arrange
        var request = Request("mr", "active", $"\"doNotPerform\": true, \"medicationCodeableConcept\": {Hydroxocobalamin}");

        // Act
        var set = Extract(TestBundles.WithPatient(request));

        // Assert
        Assert.Empty(set.OfType<MedicationUse>());
        Assert.Equal("Bundle.entry[1].resource.doNotPerform", SingleIssue(set, FactIssueIds.ExcludedStatus).Expression);
    }

    [Fact]
    public void Extract_MedicationReferenceToContainedMedication_MatchedWithStrength()
    {
        // Arrange
        var request = $$"""
            {
              "resourceType": "MedicationRequest", "id": "mr", "status": "active", "intent": "order",
              "contained": [ {
                "resourceType": "Medication", "id": "med-hydroxo",
                "code": { "text": "Hydroxocobalamin 1 mg/1 mL injection" },
                "ingredient": [ {
                  "itemCodeableConcept": { "coding": [ { "system": "http://www.whocc.no/atc", "code": "B03BA03", "display": "hydroxocobalamin" } ] },
                  "strength": {
                    "numerator": { "value": 1, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg" },
                    "denominator": { "value": 1, "unit": "mL", "system": "http://unitsofmeasure.org", "code": "mL" } } } ]
              } ],
              "medicationReference": { "reference": "#med-hydroxo" },
              "subject": {{TestBundles.Subject}},
              "authoredOn": "2026-10-28"
            }
            """;

        // Act
        var set = Extract(TestBundles.WithPatient(request));

        // Assert
        var use = Assert.Single(set.OfType<MedicationUse>());
        Assert.True(use.Is("hydroxocobalamin"));
        Assert.True(use.Is("b12-replacement"));
        Assert.Equal("1 mg/mL", use.Strength);
        Assert.Equal("Hydroxocobalamin 1 mg/1 mL injection", use.Label);
        Assert.Equal("Bundle.entry[1].resource", use.Source.Path);
        Assert.DoesNotContain(set.Issues, i => i.Id == FactIssueIds.UnresolvedReference);
    }

    [Fact]
    public void Extract_ContainedMedicationWithCodedIngredient_MatchedByCode()
    {
        // Arrange
        var request = $$"""
            {
              "resourceType": "MedicationRequest", "id": "mr", "status": "active", "intent": "order",
              "contained": [ {
                "resourceType": "Medication", "id": "med",
                "code": { "text": "Hydroxocobalamin 1 mg/1 mL injection" },
                "ingredient": [ { "itemCodeableConcept": { "coding": [ { "system": "http://www.whocc.no/atc", "code": "B03BA03" } ] } } ]
              } ],
              "medicationReference": { "reference": "#med" },
              "subject": {{TestBundles.Subject}}
            }
            """;

        // Act
        var use = Assert.Single(Extract(TestBundles.WithPatient(request)).OfType<MedicationUse>());

        // Assert
        Assert.Equal(MatchKind.Code, use.Concepts.Single(c => c.ValueSetId == "hydroxocobalamin").Kind);
    }

    [Fact]
    public void Extract_MedicationReferenceToBundleEntryByUrnUuid_Matched()
    {
        // Arrange
        const string PatientUrl = "urn:uuid:0f3c7c1e-8a7e-4a6b-9d51-111111111111";
        const string MedicationUrl = "urn:uuid:0f3c7c1e-8a7e-4a6b-9d51-222222222222";
        var medication = """
            { "resourceType": "Medication", "id": "0f3c7c1e-8a7e-4a6b-9d51-222222222222",
              "code": { "coding": [ { "system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "7646", "display": "omeprazole" } ], "text": "Omeprazole 20 mg capsules" } }
            """;
        var request = $$"""
            {
              "resourceType": "MedicationRequest", "id": "0f3c7c1e-8a7e-4a6b-9d51-333333333333", "status": "active", "intent": "order",
              "medicationReference": { "reference": "{{MedicationUrl}}" },
              "subject": { "reference": "{{PatientUrl}}" }
            }
            """;
        var json = TestBundles.BundleWithFullUrls(
            (PatientUrl, """{ "resourceType": "Patient", "id": "0f3c7c1e-8a7e-4a6b-9d51-111111111111" }"""),
            (MedicationUrl, medication),
            ("urn:uuid:0f3c7c1e-8a7e-4a6b-9d51-333333333333", request));

        // Act
        var set = Extract(json);

        // Assert
        var use = Assert.Single(set.OfType<MedicationUse>());
        Assert.True(use.Is("ppi"));
        Assert.True(use.Is("ng239-risk-medicines"));
        Assert.Equal("Omeprazole 20 mg capsules", use.Label);
        Assert.Null(use.Strength);
        Assert.Equal("MedicationRequest/0f3c7c1e-8a7e-4a6b-9d51-333333333333", use.Source.Reference);
        Assert.Empty(set.Issues);
    }

    [Fact]
    public void Extract_MedicationReferenceRelative_MatchedByTypeAndId()
    {
        // Arrange
        var medication = """{ "resourceType": "Medication", "id": "123", "code": { "text": "Metformin 500 mg tablets" } }""";
        var request = Request("mr", "active", "\"medicationReference\": { \"reference\": \"Medication/123\" }");

        // Act
        var set = Extract(TestBundles.WithPatient(medication, request));

        // Assert
        var use = Assert.Single(set.OfType<MedicationUse>());
        Assert.True(use.Is("metformin"));
        Assert.Equal("Bundle.entry[2].resource", use.Source.Path);
        Assert.DoesNotContain(set.Issues, i => i.Id == FactIssueIds.UnresolvedReference);
    }

    [Fact]
    public void Extract_MedicationReferenceUnresolved_Fact004AndMatchedByDisplay()
    {
        // Arrange
        var request = Request("mr", "stopped", """
            "medicationReference": { "reference": "urn:uuid:5b0e6a43-2f4c-4d8e-9a51-7c3e2d1f0b96", "display": "Cyanocobalamin 1000 mcg/mL" }
            """);

        // Act
        var set = Extract(TestBundles.WithPatient(request));

        // Assert
        var use = Assert.Single(set.OfType<MedicationUse>());
        Assert.Equal("Cyanocobalamin 1000 mcg/mL", use.Label);
        Assert.Equal(FactStatus.Inactive, use.Status);
        var match = use.Concepts.Single(c => c.ValueSetId == "cyanocobalamin");
        Assert.Equal(MatchKind.Text, match.Kind);
        var issue = SingleIssue(set, FactIssueIds.UnresolvedReference);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal("not-found", issue.Code);
        Assert.Equal("Bundle.entry[1].resource.medicationReference", issue.Expression);
        Assert.Contains("urn:uuid:5b0e6a43-2f4c-4d8e-9a51-7c3e2d1f0b96", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_MedicationReferenceUnresolvedWithoutDisplay_Fact004AndNotAFact()
    {
        // Arrange
        var request = Request("mr", "active", "\"medicationReference\": { \"reference\": \"Medication/missing\" }");

        // Act
        var set = Extract(TestBundles.WithPatient(request));

        // Assert
        Assert.Empty(set.OfType<MedicationUse>());
        SingleIssue(set, FactIssueIds.UnresolvedReference);
        SingleIssue(set, FactIssueIds.NotRelevant);
    }

    [Fact]
    public void Extract_DosagePhases_SortedBySequenceWithIntervalsAndDuration()
    {
        // Arrange: maintenance written first; loading (sequence 1) is 1 mg IM three times a week for 2 weeks.
        var request = Request("mr", "active", $$"""
            "medicationCodeableConcept": {{Hydroxocobalamin}},
            "dosageInstruction": [
              {{Dose(2, "1", "mg", Intramuscular, "\"frequency\": 1, \"period\": 3, \"periodUnit\": \"mo\"")}},
              {{Dose(1, "1", "mg", Intramuscular, "\"boundsDuration\": { \"value\": 2, \"unit\": \"weeks\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"wk\" }, \"frequency\": 3, \"period\": 1, \"periodUnit\": \"wk\"")}}
            ]
            """);

        // Act
        var use = Assert.Single(Extract(TestBundles.WithPatient(request)).OfType<MedicationUse>());

        // Assert
        Assert.Equal(2, use.Phases.Count);
        var loading = use.Phases[0];
        var maintenance = use.Phases[1];
        Assert.Equal(1, loading.Sequence);
        Assert.Equal(2.3333m, loading.IntervalDays);
        Assert.Equal(14m, loading.DurationDays);
        Assert.Equal(new Measurement(1000m, "ug"), loading.Dose);
        Assert.Equal("route-intramuscular", loading.Route);
        Assert.Equal(2, maintenance.Sequence);
        Assert.Equal(91.3125m, maintenance.IntervalDays);
        Assert.Null(maintenance.DurationDays);
        Assert.Equal(10.9514m, maintenance.DailyDoseMicrograms);
        Assert.Equal("route-intramuscular", use.Route);
        Assert.Equal(new Measurement(1000m, "ug"), use.Dose);
        Assert.Equal(2.3333m, use.IntervalDays);
        Assert.Same(maintenance, use.MaintenancePhase);
        Assert.Equal(91.3125m, use.MaintenanceIntervalDays);
        Assert.Equal(new Measurement(1000m, "ug"), use.MaintenanceDose);
        Assert.Equal("route-intramuscular", use.MaintenanceRoute);
    }

    [Fact]
    public void Extract_OralOneMilligramDaily_DailyDoseIs1000Micrograms()
    {
        // Arrange
        var request = Request("mr", "active", $$"""
            "medicationCodeableConcept": {{OralCyanocobalamin}},
            "dosageInstruction": [ {{Dose(null, "1", "mg", Oral, "\"frequency\": 1, \"period\": 1, \"periodUnit\": \"d\"")}} ]
            """);

        // Act
        var use = Assert.Single(Extract(TestBundles.WithPatient(request)).OfType<MedicationUse>());

        // Assert
        var phase = Assert.Single(use.Phases);
        Assert.Null(phase.Sequence);
        Assert.Equal(1m, phase.IntervalDays);
        Assert.Equal(1000m, phase.DailyDoseMicrograms);
        Assert.Equal(1000m, use.DailyDoseMicrograms);
        Assert.Equal("route-oral", use.Route);
        Assert.True(use.Is("cyanocobalamin"));
    }

    [Fact]
    public void Extract_DosageWithTimingCodeAndCount_IntervalFromCode()
    {
        // Arrange
        var request = Request("mr", "active", $$"""
            "medicationCodeableConcept": {{OralCyanocobalamin}},
            "dosageInstruction": [ {
              "text": "1 mg twice a day for 10 doses",
              "timing": { "repeat": { "count": 10 }, "code": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation", "code": "BID" } ] } },
              "route": { "text": "by mouth" },
              "doseAndRate": [ { "doseQuantity": { "value": 1000, "unit": "mcg" } } ] } ]
            """);

        // Act
        var phase = Assert.Single(Assert.Single(Extract(TestBundles.WithPatient(request)).OfType<MedicationUse>()).Phases);

        // Assert
        Assert.Equal(0.5m, phase.IntervalDays);
        Assert.Equal(10, phase.Count);
        Assert.Equal(2000m, phase.DailyDoseMicrograms);
        Assert.Equal("route-oral", phase.Route);
        Assert.Equal("1 mg twice a day for 10 doses", phase.Text);
        Assert.Equal(new Measurement(1000m, "ug"), phase.Dose);
    }

    [Theory]
    [InlineData("3", "1", "d", "3000")]
    [InlineData("3", "1", "wk", "428.5714")]
    public void Extract_OneMilligramSeveralTimesPerPeriod_DailyDoseIsExact(string frequency, string period, string periodUnit, string expected)
    {
        // Arrange
        var request = Request("mr", "active", $$"""
            "medicationCodeableConcept": {{OralCyanocobalamin}},
            "dosageInstruction": [ {{Dose(null, "1", "mg", Oral, $"\"frequency\": {frequency}, \"period\": {period}, \"periodUnit\": \"{periodUnit}\"")}} ]
            """);

        // Act
        var use = Assert.Single(Extract(TestBundles.WithPatient(request)).OfType<MedicationUse>());

        // Assert
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), use.DailyDoseMicrograms);
    }

    [Fact]
    public void Extract_MedicationRequestWithBoundsPeriod_StartAndEndFromBounds()
    {
        // Arrange
        var request = Request("mr", "completed", $$"""
            "medicationCodeableConcept": {{Hydroxocobalamin}},
            "dosageInstruction": [ {{Dose(null, "1", "mg", Intramuscular, "\"boundsPeriod\": { \"start\": \"2025-03-01\", \"end\": \"2025-03-15\" }, \"frequency\": 1, \"period\": 2, \"periodUnit\": \"d\"")}} ]
            """);

        // Act
        var use = Assert.Single(Extract(TestBundles.WithPatient(request)).OfType<MedicationUse>());

        // Assert
        Assert.Equal("2025-03-01", use.Start?.Value);
        Assert.Equal("2025-03-15", use.End?.Value);
        Assert.Equal(14m, use.Phases[0].DurationDays);
        Assert.Equal(2m, use.IntervalDays);
        Assert.Equal(500m, use.DailyDoseMicrograms);
    }

    [Theory]
    [InlineData("active", FactStatus.Active)]
    [InlineData("completed", FactStatus.Inactive)]
    [InlineData("stopped", FactStatus.Inactive)]
    [InlineData("intended", FactStatus.Proposed)]
    public void Extract_MedicationStatementStatus_MedicationUseStatus(string status, FactStatus expected)
    {
        // Arrange
        var statement = MedicationStatement(status);

        // Act
        var use = Assert.Single(Extract(TestBundles.WithPatient(statement)).OfType<MedicationUse>());

        // Assert
        Assert.Equal(expected, use.Status);
        Assert.Equal("MedicationStatement", use.Origin);
        Assert.Equal(status, use.FhirStatus);
        Assert.Null(use.Intent);
        Assert.Equal("2019-06-01", use.Start?.Value);
        Assert.Equal(100m, use.DailyDoseMicrograms);
        Assert.True(use.Is("cyanocobalamin"));
    }

    [Theory]
    [InlineData("not-taken")]
    [InlineData("entered-in-error")]
    public void Extract_MedicationStatementNotTaken_SkippedWithFact006(string status)
    {
        // Arrange
        var statement = MedicationStatement(status);

        // Act
        var set = Extract(TestBundles.WithPatient(statement));

        // Assert
        Assert.Empty(set.OfType<MedicationUse>());
        Assert.Equal("Bundle.entry[1].resource.status", SingleIssue(set, FactIssueIds.ExcludedStatus).Expression);
    }

    [Fact]
    public void Extract_CompletedAdministration_MedicationGivenWithDoseInMicrogramsAndRoute()
    {
        // Arrange
        var administration = Administration("completed", "\"effectiveDateTime\": \"2026-09-14T10:40:00+01:00\",");

        // Act
        var given = Assert.Single(Extract(TestBundles.WithPatient(administration)).OfType<MedicationGiven>());

        // Assert
        Assert.Equal("2026-09-14T10:40:00+01:00", given.Effective.Value);
        Assert.Equal(new Measurement(1000m, "ug"), given.Dose);
        Assert.Equal("route-intramuscular", given.Route);
        Assert.Equal("completed", given.FhirStatus);
        Assert.True(given.Is("hydroxocobalamin"));
        Assert.Equal("administration", given.FactType);
    }

    [Fact]
    public void Extract_AdministrationWithEffectivePeriod_EffectiveIsPeriodStart()
    {
        // Arrange
        var administration = Administration("in-progress", "\"effectivePeriod\": { \"start\": \"2026-09-14T10:40:00Z\" },");

        // Act
        var given = Assert.Single(Extract(TestBundles.WithPatient(administration)).OfType<MedicationGiven>());

        // Assert
        Assert.Equal("2026-09-14T10:40:00Z", given.Effective.Value);
    }

    [Theory]
    [InlineData("not-done")]
    [InlineData("entered-in-error")]
    public void Extract_AdministrationNotDone_SkippedWithFact006(string status)
    {
        // Arrange
        var administration = Administration(status, "\"effectiveDateTime\": \"2026-09-14T10:40:00+01:00\",");

        // Act
        var set = Extract(TestBundles.WithPatient(administration));

        // Assert
        Assert.Empty(set.OfType<MedicationGiven>());
        Assert.Equal("Bundle.entry[1].resource.status", SingleIssue(set, FactIssueIds.ExcludedStatus).Expression);
    }

    [Fact]
    public void Extract_AdministrationWithoutDate_SkippedWithFact003()
    {
        // Arrange
        var administration = Administration("completed", string.Empty);

        // Act
        var set = Extract(TestBundles.WithPatient(administration));

        // Assert
        Assert.Empty(set.OfType<MedicationGiven>());
        var issue = SingleIssue(set, FactIssueIds.NoDate);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal("Bundle.entry[1].resource.effective", issue.Expression);
    }

    private static string MedicationStatement(string status) => $$"""
        {
          "resourceType": "MedicationStatement", "id": "ms", "status": "{{status}}",
          "medicationCodeableConcept": { "coding": [ { "system": "http://www.whocc.no/atc", "code": "B03BA01" } ], "text": "Cyanocobalamin 100 microgram tablets" },
          "subject": {{TestBundles.Subject}},
          "effectiveDateTime": "2019-06-01",
          "dosage": [ {{Dose(null, "100", "ug", Oral, "\"frequency\": 1, \"period\": 1, \"periodUnit\": \"d\"")}} ]
        }
        """;

    private static string Administration(string status, string effective) => $$"""
        {
          "resourceType": "MedicationAdministration", "id": "ma", "status": "{{status}}",
          "medicationCodeableConcept": {{Hydroxocobalamin}},
          "subject": {{TestBundles.Subject}},
          {{effective}}
          "dosage": { "route": {{Intramuscular}}, "dose": { "value": 1, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg" } }
        }
        """;
}
