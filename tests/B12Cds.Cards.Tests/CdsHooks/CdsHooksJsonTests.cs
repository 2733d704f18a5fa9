using System.Text.Json;
using B12Cds.Cards.CdsHooks;
using B12Cds.Cards.Tests.Support;
using B12Cds.Fhir.Model;

namespace B12Cds.Cards.Tests.CdsHooks;

/// <summary>CDS Hooks 2.0 JSON: camelCase, no nulls or empty arrays, the B12 CDS extension keys, FHIR resources written as FHIR.</summary>
public sealed class CdsHooksJsonTests
{
    [Fact]
    public void Serialize_EmptyResponse_WritesEmptyCardsArray()
    {
        // Arrange
        // Act
        var json = CdsHooksJson.Serialize(CdsResponse.Empty);

        // Assert
        Assert.Equal("""{"cards":[]}""", json);
    }

    [Fact]
    public void Serialize_Response_NoNullsAndNoEmptyArraysOrObjects()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var response = new CardFactory(rules).Create(Evaluations.Evaluate(rules, "pernicious-anaemia-neuro.json"), new CardOptions { PatientId = "p1" });

        // Act
        using var document = JsonDocument.Parse(CdsHooksJson.Serialize(response));

        // Assert
        Assert.Empty(Json.NullsAndEmpties(document.RootElement));
    }

    [Fact]
    public void Serialize_Card_CamelCaseFieldsInCdsHooksOrder()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var card = new CardFactory(rules).Create(Evaluations.Evaluate(rules, "vegan-dietary-deficiency.json")).Cards.Single(c => c.Suggestions.Count > 0 && c.Links.Count > 0);

        // Act
        using var document = JsonDocument.Parse(CdsHooksJson.Serialize(card));

        // Assert
        Assert.Equal(
            ["uuid", "summary", "detail", "indicator", "source", "suggestions", "selectionBehavior", "overrideReasons", "links", "extension"],
            document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["b12cds.rules", "b12cds.ruleSetVersion", "b12cds.explanation"], document.RootElement.GetProperty("extension").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["label", "uuid", "actions"], document.RootElement.GetProperty("suggestions")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["type", "description", "resource"], document.RootElement.GetProperty("suggestions")[0].GetProperty("actions")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Serialize_ActionResource_WrittenAsFhirJsonResourceTypeFirst()
    {
        // Arrange
        var card = new Card
        {
            Summary = "s",
            Indicator = "info",
            Source = new CardSource { Label = "B12 CDS" },
            Suggestions = [new Suggestion { Label = "l", Actions = [new CdsAction { Type = "create", Description = "d", Resource = new ServiceRequest { Status = "draft", Intent = "proposal", Subject = Reference.To("Patient/1") } }] }],
            SelectionBehavior = "at-most-one",
        };

        // Act
        var json = CdsHooksJson.Serialize(card);

        // Assert
        Assert.Contains("""
            "resource":{"resourceType":"ServiceRequest","status":"draft","intent":"proposal","subject":{"reference":"Patient/1"}}
            """, json, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeResponse_WrittenResponse_ReadsBackTheSameJson()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var response = new CardFactory(rules).Create(Evaluations.Evaluate(rules, "pernicious-anaemia-neuro.json"));
        var json = CdsHooksJson.Serialize(response);

        // Act
        var read = CdsHooksJson.DeserializeResponse(json);

        // Assert
        Assert.NotNull(read);
        Assert.IsType<MedicationRequest>(read.Cards[0].Suggestions[0].Actions[0].Resource);
        Assert.Equal(json, CdsHooksJson.Serialize(read));
    }

    [Fact]
    public void Serialize_SummaryWithAngleBrackets_NotHtmlEscaped()
    {
        // Arrange
        var card = new Card { Summary = "B12 <100 ng/L & falling", Indicator = "warning", Source = new CardSource { Label = "B12 CDS" } };

        // Act
        var json = CdsHooksJson.Serialize(card);

        // Assert
        Assert.Contains("\"B12 <100 ng/L & falling\"", json, StringComparison.Ordinal);
    }
}
