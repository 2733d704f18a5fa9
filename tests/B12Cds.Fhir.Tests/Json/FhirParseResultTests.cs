using B12Cds.Fhir.Diagnostics;
using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;
using B12Cds.Fhir.Tests.Support;

namespace B12Cds.Fhir.Tests.Json;

public sealed class FhirParseResultTests
{
    private static readonly FhirJsonParser Parser = new();

    /// <summary>Input, whether it is readable, and whether it has errors.</summary>
    public static TheoryData<string, bool, bool> Outcomes { get; } = new()
    {
        { "{\"resourceType\":\"Patient\"}", true, false },
        { "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Encounter\"}}]}", true, false },
        { "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Obsrvation\"}}]}", true, true },
        { "{\"resourceType\":\"Encounter\"}", true, false },
        { "{\"resourceType\":\"Patient\",\"birthDate\":\"yesterday\"}", false, true },
        { "{\"resourceType\":\"Patiant\"}", false, true },
        { "{", false, true },
        { "null", false, true },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void IsReadableAndHasErrors_ParseOutcome_SayWhetherAResourceWasReadAndAnythingFailed(string json, bool isReadable, bool hasErrors)
    {
        // Act
        var result = Parser.Parse(json);

        // Assert
        Assert.Equal(isReadable, result.IsReadable);
        Assert.Equal(hasErrors, result.HasErrors);
    }

    [Fact]
    public void Default_NewResult_IsNotReadableWithoutIssues()
    {
        // Act
        var result = new FhirParseResult();

        // Assert
        Assert.Null(result.Resource);
        Assert.False(result.IsReadable);
        Assert.False(result.HasErrors);
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void ToOperationOutcome_FatalElementIssue_HasSeverityCodeDetailsDiagnosticsAndExpression()
    {
        // Arrange
        const string Json = "{\n  \"resourceType\": \"Patient\",\n  \"birthDate\": \"yesterday\"\n}";
        var result = Parser.Parse(Json);
        var issue = Assert.Single(result.Issues);

        // Act
        var outcome = result.ToOperationOutcome();

        // Assert
        var mapped = Assert.Single(outcome.Issue);
        Assert.Equal("fatal", mapped.Severity);
        Assert.Equal("value", mapped.Code);
        var coding = Assert.Single(mapped.Details!.Coding);
        Assert.Equal("urn:b12cds:issue", coding.System);
        Assert.Equal(IssueIds.InvalidElement, coding.Code);
        Assert.Equal(issue.Message, mapped.Details.Text);
        var (line, column) = JsonText.PositionAfter(Json, "\"yesterday\"");
        Assert.Equal($"line {line}, column {column}", mapped.Diagnostics);
        Assert.Equal(["Patient.birthDate"], mapped.Expression.ToArray());
        Assert.Empty(mapped.Location);
    }

    [Fact]
    public void ToOperationOutcome_BundleWithErrorAndWarning_HasOneIssueEachInOrder()
    {
        // Arrange
        var result = Parser.Parse("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Obsrvation\"}},{\"resource\":{\"resourceType\":\"Encounter\"}}]}");

        // Act
        var outcome = result.ToOperationOutcome();

        // Assert
        Assert.Collection(
            outcome.Issue,
            error =>
            {
                Assert.Equal("error", error.Severity);
                Assert.Equal("not-supported", error.Code);
                Assert.Equal(IssueIds.UnknownResourceType, error.Details!.CodeIn(OperationOutcomeBuilder.IssueIdSystem));
                Assert.Equal(["Bundle.entry[0].resource.resourceType"], error.Expression.ToArray());
                Assert.NotNull(error.Diagnostics);
            },
            warning =>
            {
                Assert.Equal("warning", warning.Severity);
                Assert.Equal("not-supported", warning.Code);
                Assert.Equal(IssueIds.UnsupportedResourceType, warning.Details!.CodeIn(OperationOutcomeBuilder.IssueIdSystem));
                Assert.Equal("Encounter is not read by B12 CDS; skipped.", warning.Details.Text);
                Assert.Equal(["Bundle.entry[1].resource"], warning.Expression.ToArray());
                Assert.Null(warning.Diagnostics);
            });
    }

    [Fact]
    public void ToOperationOutcome_MalformedJson_HasNoExpressionButAPosition()
    {
        // Arrange
        var result = Parser.Parse("{\"resourceType\":\"Patient\",}");

        // Act
        var json = FhirJson.Serialize(result.ToOperationOutcome());

        // Assert
        var mapped = Assert.Single(result.ToOperationOutcome().Issue);
        Assert.Equal("fatal", mapped.Severity);
        Assert.Equal("structure", mapped.Code);
        Assert.Empty(mapped.Expression);
        Assert.Equal("line 1, column 27", mapped.Diagnostics);
        Assert.DoesNotContain("\"expression\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToOperationOutcome_NoIssues_HasOneInformationIssue()
    {
        // Arrange
        var result = Parser.Parse("{\"resourceType\":\"Patient\",\"id\":\"ok\"}");

        // Act
        var outcome = result.ToOperationOutcome();

        // Assert
        var issue = Assert.Single(outcome.Issue);
        Assert.Equal("information", issue.Severity);
        Assert.Equal("informational", issue.Code);
        Assert.Equal(
            "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"information\",\"code\":\"informational\",\"diagnostics\":\"No issues.\"}]}",
            FhirJson.Serialize(outcome));
    }

    [Fact]
    public void ToOperationOutcome_TooLarge_IsFatalTooLong()
    {
        // Arrange
        var result = new FhirJsonParser(new FhirParserOptions { MaxBytes = 10 }).Parse("{\"resourceType\":\"Patient\"}");

        // Act
        var issue = Assert.Single(result.ToOperationOutcome().Issue);

        // Assert
        Assert.Equal("fatal", issue.Severity);
        Assert.Equal("too-long", issue.Code);
        Assert.Equal(IssueIds.TooLarge, issue.Details!.CodeIn(OperationOutcomeBuilder.IssueIdSystem));
    }

    [Fact]
    public void ToOperationOutcome_IsAResourceOfItsOwnThatParsesBack()
    {
        // Arrange
        var result = Parser.Parse("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Obsrvation\"}}]}");

        // Act
        var reread = Parser.Parse(FhirJson.Serialize(result.ToOperationOutcome()));

        // Assert
        Assert.Empty(reread.Issues);
        Assert.Equal("error", Assert.Single(Assert.IsType<OperationOutcome>(reread.Resource).Issue).Severity);
    }
}
