using B12Cds.Cards.CdsHooks;
using B12Cds.Cards.Tests.Support;
using B12Cds.Fhir.Model;

namespace B12Cds.Cards.Tests.CdsHooks;

/// <summary>Suggestions become ready-to-sign FHIR requests: a regimen a MedicationRequest with one Dosage per phase, an order and a referral a ServiceRequest.</summary>
public sealed class SuggestionTests
{
    private const string Vegan = "vegan-dietary-deficiency.json";
    private const string VeganPatient = "9416e1cb-9408-437d-a43a-b6c80f6ac818";
    private const string VeganB12 = "Observation/bd232bf7-d365-45fa-984d-49de88cc2654";

    [Fact]
    public void Create_UkRegimenSuggestion_DraftProposalMedicationRequestForThePatient()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var result = Evaluations.Evaluate(rules, Vegan);

        // Act
        var suggestion = CardOf(new CardFactory(rules).Create(result, new CardOptions { PatientId = VeganPatient }), "RG-01").Suggestions.Single();

        // Assert
        Assert.Equal(("Start hydroxocobalamin", true), (suggestion.Label, suggestion.IsRecommended));
        var action = Assert.Single(suggestion.Actions);
        Assert.Equal("create", action.Type);
        Assert.StartsWith("Propose Hydroxocobalamin 1 mg/mL injection: 1 mg IM three times a week for 2 weeks; then 1 mg IM every 3 months", action.Description, StringComparison.Ordinal);
        var rx = Assert.IsType<MedicationRequest>(action.Resource);
        Assert.Equal(("draft", "proposal"), (rx.Status, rx.Intent));
        Assert.Equal($"Patient/{VeganPatient}", rx.Subject?.ReferenceValue);
        Assert.Equal("317106", rx.MedicationCodeableConcept?.CodeIn("http://www.nlm.nih.gov/research/umls/rxnorm"));
        Assert.Equal([$"urn:b12cds:rule:RG-01|{rules.Version}"], rx.InstantiatesCanonical);
        Assert.Equal([VeganB12], rx.ReasonReference.Select(r => r.ReferenceValue));
        Assert.Null(rx.Id);
    }

    [Fact]
    public void Create_UkRegimenSuggestion_OneDosagePerPhaseWithTimingExactly()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var result = Evaluations.Evaluate(rules, Vegan);

        // Act
        var rx = (MedicationRequest)CardOf(new CardFactory(rules).Create(result), "RG-01").Suggestions[0].Actions[0].Resource!;

        // Assert
        var dosages = Json.Of(rx)["dosageInstruction"]!;
        Json.Equal("""
            [
              { "sequence": 1, "text": "Loading: 1 mg IM three times a week for 2 weeks",
                "timing": { "repeat": { "boundsDuration": { "value": 2, "unit": "wk", "system": "http://unitsofmeasure.org", "code": "wk" },
                                        "frequency": 3, "period": 1, "periodUnit": "wk" } },
                "route": { "coding": [ { "system": "http://snomed.info/sct", "code": "78421000", "display": "Intramuscular route (qualifier value)" } ], "text": "Intramuscular" },
                "doseAndRate": [ { "doseQuantity": { "value": 1, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg" } } ] },
              { "sequence": 2, "text": "Maintenance: 1 mg IM every 3 months",
                "additionalInstruction": [ { "text": "Continue lifelong if the cause is irreversible" } ],
                "timing": { "repeat": { "frequency": 1, "period": 3, "periodUnit": "mo" } },
                "route": { "coding": [ { "system": "http://snomed.info/sct", "code": "78421000", "display": "Intramuscular route (qualifier value)" } ], "text": "Intramuscular" },
                "doseAndRate": [ { "doseQuantity": { "value": 1, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg" } } ] }
            ]
            """, dosages);
    }

    [Fact]
    public void Create_UsRegimenSuggestion_CountAndDurationBoundedPhasesInMicrograms()
    {
        // Arrange
        var rules = Evaluations.LoadRules(RuleYaml.Card(
            "DX-91", "warning", 10, header: "    profiles: [us]", cardExtra: "          suggestions: [ { label: Start cyanocobalamin, regimen: us-im-label } ]"));
        var result = Evaluations.Evaluate(rules, Vegan, profile: "us");

        // Act
        var rx = (MedicationRequest)new CardFactory(rules).Create(result).Cards.Single().Suggestions.Single().Actions[0].Resource!;

        // Assert
        Assert.Equal([1, 2, 3, 4], rx.DosageInstruction.Select(d => d.Sequence ?? 0));
        Json.Equal("""
            [
              { "repeat": { "count": 7, "frequency": 1, "period": 1, "periodUnit": "d" } },
              { "repeat": { "count": 7, "frequency": 1, "period": 2, "periodUnit": "d" } },
              { "repeat": { "boundsDuration": { "value": 3, "unit": "wk", "system": "http://unitsofmeasure.org", "code": "wk" }, "frequency": 2, "period": 1, "periodUnit": "wk" } },
              { "repeat": { "frequency": 1, "period": 1, "periodUnit": "mo" } }
            ]
            """, new System.Text.Json.Nodes.JsonArray([.. Json.Of(rx)["dosageInstruction"]!.AsArray().Select(d => d!["timing"]!.DeepClone())]));
        Assert.All(rx.DosageInstruction, d => Assert.Equal(Quantity.Ucum(100m, "ug"), d.DoseAndRate[0].DoseQuantity));
        Assert.Equal("Continue lifelong", rx.DosageInstruction[3].AdditionalInstruction.Single().Text);
        Assert.Equal("309594", rx.MedicationCodeableConcept?.Coding[0].Code);
    }

    [Fact]
    public void Create_OrderSuggestion_ServiceRequestCodedWithTheAnalytesFirstLoincCode()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var result = Evaluations.Evaluate(rules, Vegan);

        // Act
        var suggestion = CardOf(new CardFactory(rules).Create(result, new CardOptions { PatientId = VeganPatient }), "DX-04").Suggestions.Single();

        // Assert
        Assert.Null(suggestion.IsRecommended);
        var action = Assert.Single(suggestion.Actions);
        Assert.Equal("Order Intrinsic factor antibody", action.Description);
        var order = Assert.IsType<ServiceRequest>(action.Resource);
        Assert.Equal(("draft", "proposal"), (order.Status, order.Intent));
        Assert.Equal(
            new Coding { System = "http://loinc.org", Code = "31444-3", Display = "Intrinsic factor blocking Ab [Presence] in Serum" },
            Assert.Single(order.Code!.Coding));
        Assert.Equal("Intrinsic factor antibody", order.Code.Text);
        Assert.Equal($"Patient/{VeganPatient}", order.Subject?.ReferenceValue);
        Assert.Equal([VeganB12], order.ReasonReference.Select(r => r.ReferenceValue));
        Assert.Equal([$"urn:b12cds:rule:DX-04|{rules.Version}"], order.InstantiatesCanonical);
    }

    [Fact]
    public void Create_ReferralSuggestion_ServiceRequestWithReferralText()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var result = Evaluations.Evaluate(rules, "pernicious-anaemia-neuro.json");

        // Act
        var suggestion = CardOf(new CardFactory(rules).Create(result), "NE-01").Suggestions[1];

        // Assert
        var referral = Assert.IsType<ServiceRequest>(Assert.Single(suggestion.Actions).Resource);
        Assert.Equal(("Refer to haematology", "Referral to haematology"), (suggestion.Actions[0].Description, referral.Code?.Text));
        Assert.Empty(referral.Code!.Coding);
        Assert.Equal(("draft", "proposal"), (referral.Status, referral.Intent));
    }

    [Fact]
    public void Create_CardWithSuggestions_SelectionBehaviorAtMostOne()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var result = Evaluations.Evaluate(rules, Vegan);

        // Act
        var cards = new CardFactory(rules).Create(result).Cards;

        // Assert
        Assert.All(cards, c => Assert.Equal(c.Suggestions.Count > 0 ? "at-most-one" : null, c.SelectionBehavior));
    }

    [Fact]
    public void Create_TwoRecommendedSuggestions_OnlyTheFirstIsRecommended()
    {
        // Arrange: CDS Hooks allows one recommended suggestion with at-most-one.
        var rules = Evaluations.LoadRules(RuleYaml.Card("DX-91", "warning", 10, cardExtra: """
                      suggestions:
                        - { label: First, order: mma-serum, recommended: true }
                        - { label: Second, order: homocysteine, recommended: true }
            """));
        var result = Evaluations.Evaluate(rules, Vegan);

        // Act
        var card = new CardFactory(rules).Create(result).Cards.Single();

        // Assert
        Assert.Equal([true, null], card.Suggestions.Select(s => s.IsRecommended));
        Assert.Equal("at-most-one", card.SelectionBehavior);
    }

    [Fact]
    public void Create_RegimenOfAnotherProfile_NotOfferedAndExplained()
    {
        // Arrange
        var rules = Evaluations.LoadRules(RuleYaml.Card("DX-91", "warning", 10, cardExtra: "          suggestions: [ { label: Start cyanocobalamin, regimen: us-im-label } ]"));
        var result = Evaluations.Evaluate(rules, Vegan, profile: "uk");

        // Act
        var card = new CardFactory(rules).Create(result).Cards.Single();

        // Assert
        Assert.Empty(card.Suggestions);
        Assert.Null(card.SelectionBehavior);
        Assert.Equal(["Start cyanocobalamin: regimen us-im-label is for the us profile, not uk."], card.Extension!.Explanation[0].NotOffered);
    }

    private static Card CardOf(CdsResponse response, string ruleId) => response.Cards.Single(c => c.Extension!.Rules[0].Id == ruleId);
}
