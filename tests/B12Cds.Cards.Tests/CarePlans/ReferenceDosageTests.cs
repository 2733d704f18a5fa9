using System.Text.Json.Nodes;
using B12Cds.Cards.CarePlans;
using B12Cds.Cards.Tests.Support;

namespace B12Cds.Cards.Tests.CarePlans;

/// <summary>The regimen's loading phase is written in the shape of the project's CDS reference (§2.6, TestData/ORIGIN.md).</summary>
public sealed class ReferenceDosageTests
{
    [Fact]
    public void Dosage_UkNoNeuroLoadingPhase_MatchesReferenceTimingRouteAndDose()
    {
        // Arrange
        var reference = JsonNode.Parse(File.ReadAllText(TestData.DosageReferenceExample))!["dosageInstruction"]![0]!;
        var rules = Evaluations.GoldenRules;
        var regimen = rules.Regimens["uk-im-no-neuro"];
        var builder = new RequestBuilder(rules.Terminology);

        // Act
        var rx = builder.Medication(regimen, new RequestBasis { Subject = RequestBasis.SubjectFor("p1") });
        var loading = Json.Of(rx)["dosageInstruction"]![0]!;

        // Assert
        Assert.Equal(reference["sequence"]!.GetValue<int>(), loading["sequence"]!.GetValue<int>());
        Json.Equal(reference["timing"]!.ToJsonString(), loading["timing"]);
        Json.Equal(reference["doseAndRate"]!.ToJsonString(), loading["doseAndRate"]);
        Assert.Equal(reference["route"]!["coding"]![0]!["system"]!.GetValue<string>(), loading["route"]!["coding"]![0]!["system"]!.GetValue<string>());
        Assert.Equal(reference["route"]!["coding"]![0]!["code"]!.GetValue<string>(), loading["route"]!["coding"]![0]!["code"]!.GetValue<string>());
    }
}
