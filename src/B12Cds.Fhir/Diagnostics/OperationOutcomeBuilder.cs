using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Diagnostics;

/// <summary>Turns issues into a FHIR <see cref="OperationOutcome"/>.</summary>
public static class OperationOutcomeBuilder
{
    /// <summary>The code system of B12 CDS issue ids in <c>OperationOutcome.issue.details</c>.</summary>
    public const string IssueIdSystem = "urn:b12cds:issue";

    /// <summary>Creates an OperationOutcome with one issue per input issue; with none, a single "all OK" information issue, as FHIR requires at least one.</summary>
    public static OperationOutcome Build(IEnumerable<FhirIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var list = issues.Select(ToIssue).ToList();
        if (list.Count == 0)
        {
            list.Add(new OperationOutcomeIssue { Severity = "information", Code = "informational", Diagnostics = "No issues." });
        }

        return new OperationOutcome { Issue = list };
    }

    private static OperationOutcomeIssue ToIssue(FhirIssue issue) => new()
    {
        Severity = issue.Severity.ToString().ToLowerInvariant(),
        Code = issue.Code,
        Details = new CodeableConcept
        {
            Coding = [new Coding { System = IssueIdSystem, Code = issue.Id }],
            Text = issue.Message,
        },
        Diagnostics = issue.Line is null ? null : $"line {issue.Line}, column {issue.Column}",
        Expression = issue.Expression is null ? [] : [issue.Expression],
    };
}
