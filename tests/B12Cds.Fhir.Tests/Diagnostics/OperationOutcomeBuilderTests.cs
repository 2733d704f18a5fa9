using B12Cds.Fhir.Diagnostics;

namespace B12Cds.Fhir.Tests.Diagnostics;

public sealed class OperationOutcomeBuilderTests
{
    [Theory]
    [InlineData(IssueSeverity.Information, "information")]
    [InlineData(IssueSeverity.Warning, "warning")]
    [InlineData(IssueSeverity.Error, "error")]
    [InlineData(IssueSeverity.Fatal, "fatal")]
    public void Build_IssueOfEachSeverity_UsesTheFhirSeverityCode(IssueSeverity severity, string expected)
    {
        // Arrange
        var issue = new FhirIssue("FHIR005", severity, "value", "Problem.");

        // Act
        var outcome = OperationOutcomeBuilder.Build([issue]);

        // Assert
        Assert.Equal(expected, Assert.Single(outcome.Issue).Severity);
    }

    [Fact]
    public void Build_IssueWithEverything_MapsEachPart()
    {
        // Arrange
        var issue = new FhirIssue("FHIR005", IssueSeverity.Error, "value", "Bad date.", "Bundle.entry[1].resource.effectiveDateTime") { Line = 12, Column = 7 };

        // Act
        var mapped = Assert.Single(OperationOutcomeBuilder.Build([issue]).Issue);

        // Assert
        Assert.Equal("error", mapped.Severity);
        Assert.Equal("value", mapped.Code);
        Assert.Equal("urn:b12cds:issue", Assert.Single(mapped.Details!.Coding).System);
        Assert.Equal("FHIR005", mapped.Details.Coding[0].Code);
        Assert.Equal("Bad date.", mapped.Details.Text);
        Assert.Equal("line 12, column 7", mapped.Diagnostics);
        Assert.Equal(["Bundle.entry[1].resource.effectiveDateTime"], mapped.Expression.ToArray());
    }

    [Fact]
    public void Build_IssueWithoutPositionOrExpression_LeavesThemOut()
    {
        // Arrange
        var issue = new FhirIssue("FHIR007", IssueSeverity.Fatal, "too-long", "Too large.");

        // Act
        var mapped = Assert.Single(OperationOutcomeBuilder.Build([issue]).Issue);

        // Assert
        Assert.Null(mapped.Diagnostics);
        Assert.Empty(mapped.Expression);
    }

    [Fact]
    public void Build_SeveralIssues_KeepsTheirOrder()
    {
        // Arrange
        FhirIssue[] issues =
        [
            new("FHIR006", IssueSeverity.Warning, "not-supported", "a"),
            new("FHIR004", IssueSeverity.Error, "not-supported", "b"),
            new("FHIR003", IssueSeverity.Error, "required", "c"),
        ];

        // Act
        var outcome = OperationOutcomeBuilder.Build(issues);

        // Assert
        Assert.Equal("a b c", string.Join(' ', outcome.Issue.Select(i => i.Details!.Text)));
    }

    [Fact]
    public void Build_NoIssues_GivesOneInformationIssueAsFhirRequiresAtLeastOne()
    {
        // Act
        var outcome = OperationOutcomeBuilder.Build([]);

        // Assert
        var issue = Assert.Single(outcome.Issue);
        Assert.Equal("information", issue.Severity);
        Assert.Equal("informational", issue.Code);
        Assert.Equal("No issues.", issue.Diagnostics);
    }

    [Fact]
    public void Build_Null_ThrowsArgumentNullException()
    {
        // Act and Assert
        Assert.Throws<ArgumentNullException>(() => OperationOutcomeBuilder.Build(null!));
    }
}
