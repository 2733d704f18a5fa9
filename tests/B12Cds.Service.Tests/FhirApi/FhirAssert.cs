using System.Net;
using B12Cds.Fhir.Diagnostics;
using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;

namespace B12Cds.Service.Tests.FhirApi;

/// <summary>Reads and checks FHIR API answers.</summary>
internal static class FhirAssert
{
    private static readonly FhirJsonParser Parser = new();

    /// <summary>Checks the status and media type, and reads the body as a <typeparamref name="T"/>.</summary>
    public static async Task<(T Resource, string Json)> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
        where T : Resource
    {
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {json}");
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var parsed = Parser.Parse(json);
        Assert.True(!parsed.HasErrors, string.Join("\n", parsed.Issues));
        return (Assert.IsType<T>(parsed.Resource), json);
    }

    /// <summary>Checks that the answer is an OperationOutcome with <paramref name="status"/> and an issue of <paramref name="issueId"/>; gets that issue.</summary>
    public static async Task<OperationOutcomeIssue> OutcomeAsync(HttpResponseMessage response, HttpStatusCode status, string issueId)
    {
        var (outcome, json) = await ReadAsync<OperationOutcome>(response, status);
        var issue = outcome.Issue.FirstOrDefault(i => i.Details?.CodeIn(OperationOutcomeBuilder.IssueIdSystem) == issueId);
        Assert.True(issue is not null, $"No issue {issueId} in {json}");
        Assert.False(string.IsNullOrWhiteSpace(issue.Details?.Text));
        return issue;
    }

    /// <summary>Checks FHIR JSON against the official R4 schema (contained resources one by one).</summary>
    public static void ValidR4(FhirSchemaValidator schema, string json)
    {
        var errors = schema.Validate(json);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
