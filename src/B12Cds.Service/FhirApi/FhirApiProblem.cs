using B12Cds.Fhir.Diagnostics;
using B12Cds.Fhir.Model;

namespace B12Cds.Service.FhirApi;

/// <summary>Why a FHIR API request is refused: the HTTP status and the issues of the OperationOutcome sent back.</summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="Issues">The issues (at least one).</param>
internal sealed record FhirApiProblem(int StatusCode, IReadOnlyList<FhirIssue> Issues)
{
    /// <summary>A refusal with one error issue.</summary>
    public static FhirApiProblem Error(int statusCode, string issueId, string code, string message, string? expression = null) =>
        new(statusCode, [new FhirIssue(issueId, IssueSeverity.Error, code, message, expression)]);

    /// <summary>Gets the OperationOutcome to send.</summary>
    public OperationOutcome ToOperationOutcome() => OperationOutcomeBuilder.Build(Issues);

    /// <summary>Gets the HTTP result: the OperationOutcome with the status code.</summary>
    public IResult ToResult() => new FhirResourceResult(ToOperationOutcome(), StatusCode);
}
