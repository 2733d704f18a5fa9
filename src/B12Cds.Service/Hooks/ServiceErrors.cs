using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;

namespace B12Cds.Service.Hooks;

/// <summary>
/// Error answers with a reason: an OperationOutcome (FHIR R4) whose issue says what was wrong and where, on the CDS
/// Hooks endpoints too, so an EHR integrator reads one shape everywhere.
/// </summary>
internal static class ServiceErrors
{
    /// <summary>The content type of FHIR R4 JSON.</summary>
    public const string FhirJsonContentType = "application/fhir+json";

    /// <summary>Builds an OperationOutcome with one error issue.</summary>
    /// <param name="code">The FHIR issue type (e.g. <c>invalid</c>, <c>not-found</c>, <c>not-supported</c>, <c>exception</c>).</param>
    /// <param name="diagnostics">The reason, in plain words.</param>
    /// <param name="expression">Where in the request, as a path (e.g. <c>context.patientId</c>), when it applies.</param>
    public static OperationOutcome Outcome(string code, string diagnostics, string? expression = null) => new()
    {
        Issue =
        [
            new OperationOutcomeIssue
            {
                Severity = "error",
                Code = code,
                Diagnostics = diagnostics,
                Expression = expression is null ? [] : [expression],
            },
        ],
    };

    /// <summary>An error answer: <paramref name="status"/> with an OperationOutcome body.</summary>
    public static IResult Result(int status, string code, string diagnostics, string? expression = null, string contentType = "application/json") =>
        Result(status, Outcome(code, diagnostics, expression), contentType);

    /// <summary>An error answer with a prepared OperationOutcome.</summary>
    public static IResult Result(int status, OperationOutcome outcome, string contentType = "application/json") =>
        Results.Text(FhirJson.Serialize(outcome), contentType, System.Text.Encoding.UTF8, status);
}
