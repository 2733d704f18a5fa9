using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace B12Cds.Service.Tests.Infrastructure;

/// <summary>A JSON answer: its status and body (null when empty or not JSON).</summary>
public sealed record JsonAnswer(HttpStatusCode Status, JsonNode? Body, string Text, HttpResponseHeaders Headers);

/// <summary>Posting and getting JSON in tests.</summary>
public static class HttpJson
{
    public static Task<JsonAnswer> PostAsync(this HttpClient client, string path, JsonNode body) =>
        client.PostAsync(path, body.ToJsonString());

    public static async Task<JsonAnswer> PostAsync(this HttpClient client, string path, string body, string contentType = "application/json")
    {
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        return await AnswerAsync(response);
    }

    public static async Task<JsonAnswer> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await AnswerAsync(response);
    }

    private static async Task<JsonAnswer> AnswerAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? body = null;
        try
        {
            body = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
        }

        return new JsonAnswer(response.StatusCode, body, text, response.Headers);
    }

    /// <summary>The diagnostics of an OperationOutcome's first issue.</summary>
    public static string Reason(this JsonAnswer answer) => (string?)answer.Body?["issue"]?[0]?["diagnostics"] ?? answer.Text;

    /// <summary>The cards of a CDS Hooks response.</summary>
    public static IReadOnlyList<JsonObject> Cards(this JsonAnswer answer) =>
        [.. (answer.Body?["cards"]?.AsArray() ?? []).Select(c => c!.AsObject())];

    /// <summary>The rule that emitted a card (first rule in the B12 CDS extension).</summary>
    public static string Rule(this JsonObject card) => (string)card["extension"]!["b12cds.rules"]![0]!["id"]!;
}
