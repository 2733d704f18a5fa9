using B12Cds.Fhir.Diagnostics;

namespace B12Cds.Fhir.Tests.Diagnostics;

public sealed class FhirIssueTests
{
    [Theory]
    [InlineData(IssueSeverity.Information, false)]
    [InlineData(IssueSeverity.Warning, false)]
    [InlineData(IssueSeverity.Error, true)]
    [InlineData(IssueSeverity.Fatal, true)]
    public void IsError_Severity_IsTrueForErrorAndFatal(IssueSeverity severity, bool expected)
    {
        // Act
        var issue = new FhirIssue(IssueIds.InvalidElement, severity, "value", "x");

        // Assert
        Assert.Equal(expected, issue.IsError);
    }

    [Fact]
    public void ToString_WithExpressionAndPosition_SaysAllOfIt()
    {
        // Arrange
        var issue = new FhirIssue(IssueIds.InvalidElement, IssueSeverity.Error, "value", "Bad date.", "Bundle.entry[1].resource.effectiveDateTime") { Line = 4, Column = 12 };

        // Act
        var text = issue.ToString();

        // Assert
        Assert.Equal("error FHIR005 at Bundle.entry[1].resource.effectiveDateTime (line 4, column 12): Bad date.", text);
    }

    [Fact]
    public void ToString_WithoutExpressionOrPosition_SaysSeverityIdAndMessage()
    {
        // Arrange
        var issue = new FhirIssue(IssueIds.UnsupportedResourceType, IssueSeverity.Warning, "not-supported", "Skipped.");

        // Act and Assert
        Assert.Equal("warning FHIR006: Skipped.", issue.ToString());
    }

    [Fact]
    public void Equals_SameValues_IsEqual()
    {
        // Arrange
        var a = new FhirIssue(IssueIds.MalformedJson, IssueSeverity.Fatal, "structure", "x") { Line = 1, Column = 2 };
        var b = new FhirIssue(IssueIds.MalformedJson, IssueSeverity.Fatal, "structure", "x") { Line = 1, Column = 2 };

        // Act and Assert
        Assert.Equal(a, b);
        Assert.NotEqual(a, b with { Column = 3 });
    }
}
