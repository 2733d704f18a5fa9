using B12Cds.Fhir.Diagnostics;
using B12Cds.Fhir.Json;

namespace B12Cds.Fhir.Tests.Support;

/// <summary>Assertions on the issues of a <see cref="FhirParseResult"/>, saying which issue failed and why.</summary>
internal static class IssueAssert
{
    /// <summary>Asserts the result has exactly one issue, with this id, severity, FHIR issue-type code and expression.</summary>
    public static FhirIssue Single(FhirParseResult result, string id, IssueSeverity severity, string code, string? expression)
    {
        var issue = Assert.Single(result.Issues);
        Is(issue, id, severity, code, expression);
        return issue;
    }

    /// <summary>Asserts an issue has this id, severity, FHIR issue-type code and expression.</summary>
    public static void Is(FhirIssue issue, string id, IssueSeverity severity, string code, string? expression)
    {
        Assert.Equal(id, issue.Id);
        Assert.Equal(severity, issue.Severity);
        Assert.Equal(code, issue.Code);
        Assert.Equal(expression, issue.Expression);
    }

    /// <summary>Asserts an issue is at this 1-based line and column.</summary>
    public static void At(FhirIssue issue, (long Line, long Column) expected) =>
        Assert.Equal<(long?, long?)>((expected.Line, expected.Column), (issue.Line, issue.Column));
}
