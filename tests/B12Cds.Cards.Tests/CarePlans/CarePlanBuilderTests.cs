using B12Cds.Cards.CarePlans;
using B12Cds.Cards.Tests.Support;
using B12Cds.Fhir.Model;

namespace B12Cds.Cards.Tests.CarePlans;

/// <summary>The CarePlan: a draft proposal with the regimen as a contained MedicationRequest and each follow-up test as a contained ServiceRequest, one regimen per patient.</summary>
public sealed class CarePlanBuilderTests
{
    private const string Neuro = "pernicious-anaemia-neuro.json";
    private const string NeuroPatient = "49898516-ab9d-48cc-b18b-a26e93b3db8e";

    [Fact]
    public void Build_NoCarePlanConclusions_ReturnsNull()
    {
        // Arrange
        var rules = Evaluations.LoadRules(RuleYaml.Card("DX-91", "warning", 10));
        var result = Evaluations.Evaluate(rules, Neuro);

        // Act
        var plan = new CarePlanBuilder(rules).Build(result);

        // Assert
        Assert.Null(plan);
    }

    [Fact]
    public void Build_RegimenConcluded_DraftProposalForThePatientCreatedAtEvaluationTime()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var result = Evaluations.Evaluate(rules, Neuro);

        // Act
        var plan = new CarePlanBuilder(rules).Build(result, new CarePlanOptions { PatientId = NeuroPatient })!;

        // Assert
        Assert.Equal(("draft", "proposal"), (plan.Status, plan.Intent));
        Assert.Equal($"Patient/{NeuroPatient}", plan.Subject?.ReferenceValue);
        Assert.Equal("2026-11-01T00:00:00Z", plan.Created?.Value);
        Assert.Equal("Vitamin B12 treatment: Hydroxocobalamin IM, neurological involvement", plan.Title);
        Assert.Equal(
            "Hydroxocobalamin 1 mg/mL injection: 1 mg IM on alternate days until no further improvement; then 1 mg IM every 2 months. "
            + "Follow-up: Reticulocytes, percent of erythrocytes at 10 days; Haemoglobin, blood at 8 weeks.",
            plan.Description);
        Assert.Equal([$"urn:b12cds:rule:NE-01|{rules.Version}"], plan.InstantiatesCanonical);
        Assert.Equal("Vitamin B12 deficiency treatment", Assert.Single(plan.Category).Text);
        Assert.Equal(5, Guid.Parse(plan.Id!).Version);
    }

    [Fact]
    public void Build_RegimenConcluded_ContainedMedicationRequestReferencedFromFirstActivity()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var result = Evaluations.Evaluate(rules, Neuro);

        // Act
        var plan = new CarePlanBuilder(rules).Build(result, new CarePlanOptions { PatientId = NeuroPatient })!;

        // Assert
        Assert.Equal(["#rx-1", "#sr-1", "#sr-2"], plan.Activity.Select(a => a.Reference?.ReferenceValue));
        Assert.All(plan.Activity, a => Assert.Null(a.Detail));
        Assert.Equal(["rx-1", "sr-1", "sr-2"], plan.Contained.Select(r => r.Id));
        var rx = Assert.IsType<MedicationRequest>(plan.Contained[0]);
        Assert.Equal(("draft", "proposal", $"Patient/{NeuroPatient}"), (rx.Status, rx.Intent, rx.Subject?.ReferenceValue));
        Assert.Equal([1, 2], rx.DosageInstruction.Select(d => d.Sequence ?? 0));
        Assert.Equal(new TimingRepeat { Frequency = 1, Period = 2, PeriodUnit = "d" }, rx.DosageInstruction[0].Timing?.Repeat);
        Assert.Equal(new TimingRepeat { Frequency = 1, Period = 2, PeriodUnit = "mo" }, rx.DosageInstruction[1].Timing?.Repeat);
        Assert.Equal("Hydroxocobalamin 1 mg/mL injection", plan.Activity[0].Reference?.Display);
    }

    [Fact]
    public void Build_FollowUpTests_ContainedServiceRequestsDueAtEvaluationTimePlusAfter()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var result = Evaluations.Evaluate(rules, Neuro);

        // Act
        var plan = new CarePlanBuilder(rules).Build(result)!;

        // Assert
        var tests = plan.Contained.OfType<ServiceRequest>().ToList();
        Assert.Equal(
            [("17849-1", "2026-11-11T00:00:00Z", "Confirm the haematological response"), ("718-7", "2026-12-27T00:00:00Z", "Confirm Hb and MCV normalise")],
            tests.Select(t => (t.Code!.Coding[0].Code!, t.OccurrenceDateTime!.Value.Value, t.ReasonCode[0].Text!)));
        Assert.All(tests, t => Assert.Equal(("draft", "proposal", "http://loinc.org"), (t.Status, t.Intent, t.Code!.Coding[0].System)));
        Assert.Equal("Haemoglobin, blood, 8 weeks after starting", plan.Activity[2].Reference?.Display);
    }

    [Fact]
    public void Build_Evidence_ConditionsAddressedObservationsSupporting()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var result = Evaluations.Evaluate(rules, Neuro);

        // Act
        var plan = new CarePlanBuilder(rules).Build(result)!;

        // Assert: NE-01 fired on paraesthesia and on ataxia, each through DX-04's B12 result.
        Assert.Equal(
            ["Condition/7e2121bb-8bba-404e-a0f5-f378fab8e446", "Condition/bec6c94b-dff2-4187-a0b4-5aa0aa882fda"],
            plan.Addresses.Select(r => r.ReferenceValue));
        Assert.Equal(["Observation/da1321ef-d643-45c6-9bcd-c216dc1e1439"], plan.SupportingInfo.Select(r => r.ReferenceValue));
    }

    [Fact]
    public void Build_TwoRegimensConcluded_KeepsTheMostUrgentAndNotesTheOther()
    {
        // Arrange: NE-01 (critical card, uk-im-neuro) and RG-01 (warning card, uk-im-no-neuro) both conclude a regimen.
        var rules = Evaluations.GoldenRules;
        var result = Evaluations.Evaluate(rules, Neuro);

        // Act
        var plan = new CarePlanBuilder(rules).Build(result)!;

        // Assert
        Assert.Equal(["uk-im-neuro", "uk-im-neuro", "uk-im-no-neuro"], result.CarePlan.Select(c => c.Regimen.Id));
        Assert.Single(plan.Contained.OfType<MedicationRequest>());
        Assert.Equal(
            [
                $"Proposed by B12 CDS rule NE-01 (rule set {rules.Version}). Review before signing.",
                "Not included: regimen uk-im-no-neuro (Hydroxocobalamin IM, no neurological involvement) from rule RG-01. One regimen per patient: uk-im-neuro comes from the more urgent or higher-priority rule NE-01.",
            ],
            plan.Note.Select(n => n.Text));
    }

    [Fact]
    public void Build_TwoRegimensSameUrgency_KeepsHigherPriority()
    {
        // Arrange: no cards; RG-91 (priority 10) fires before RG-92 (priority 90) only because RG-92 waits for a derived fact.
        var rules = Evaluations.LoadRules("""
              - id: RG-91
                title: Oral regimen
                area: regimen
                priority: 10
                profiles: [uk]
                citations: [ { source: S4 } ]
                when:
                  - lab: b12-total
                    select: latest
                then:
                  - careplan: uk-oral-diet
              - id: DX-92
                title: Derives the status
                area: diagnosis
                priority: 0
                citations: [ { source: S1c } ]
                when:
                  - lab: b12-total
                    as: b12
                    select: latest
                then:
                  - derive: b12-status
                    with: { state: deficient, result: b12 }
              - id: RG-92
                title: IM regimen
                area: regimen
                priority: 90
                profiles: [uk]
                citations: [ { source: S4 } ]
                when:
                  - b12-status:
                then:
                  - careplan: uk-im-no-neuro

            """);
        var result = Evaluations.Evaluate(rules, "vegan-dietary-deficiency.json");

        // Act
        var plan = new CarePlanBuilder(rules).Build(result)!;

        // Assert
        Assert.Equal(["RG-91", "DX-92", "RG-92"], result.Firings.Select(f => f.Rule.Id));
        Assert.Equal("317106", plan.Contained.OfType<MedicationRequest>().Single().MedicationCodeableConcept?.Coding[0].Code);
        Assert.Contains(plan.Note, n => n.Text!.StartsWith("Not included: regimen uk-oral-diet", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_SameInputTwice_SameCarePlan()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var builder = new CarePlanBuilder(rules);
        var options = new CarePlanOptions { PatientId = NeuroPatient };

        // Act
        var first = Fhir.Json.FhirJson.Serialize(builder.Build(Evaluations.Evaluate(rules, Neuro), options)!);
        var second = Fhir.Json.FhirJson.Serialize(builder.Build(Evaluations.Evaluate(rules, Neuro), options)!);

        // Assert
        Assert.Equal(first, second);
    }

    [Fact]
    public void Build_NoPatientId_SubjectIsDisplayOnly()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var result = Evaluations.Evaluate(rules, Neuro);

        // Act
        var plan = new CarePlanBuilder(rules).Build(result)!;

        // Assert
        Assert.Null(plan.Subject?.ReferenceValue);
        Assert.False(string.IsNullOrWhiteSpace(plan.Subject?.Display));
    }
}
