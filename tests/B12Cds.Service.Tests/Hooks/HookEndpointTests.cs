using System.Net;
using System.Text.Json.Nodes;
using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;
using B12Cds.Rules.Hosting;
using B12Cds.Service.Evaluation;
using B12Cds.Service.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace B12Cds.Service.Tests.Hooks;

/// <summary>The CDS Hooks endpoints through the real host: discovery, calls with each prefetch case, and each error.</summary>
public sealed class HookEndpointTests : IDisposable
{
    private const string PatientView = "/cds-services/b12-patient-view";
    private const string OrderSign = "/cds-services/b12-order-sign";
    private const string Neuro = "pernicious-anaemia-neuro.json";

    private readonly ServiceFactory _factory = new();
    private readonly HttpClient _client;

    public HookEndpointTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task A_large_body_sent_chunked_without_a_length_is_read_whole_like_one_with_a_length()
    {
        // 50 resources: about 90 KB, so the buffer of a body of unknown length grows several times while it is read.
        var request = HookRequests.FromSample("large-50-resources.json", hookInstance: "5d0c7c57-3a0b-4a43-9e38-3b8d8b0f6a11");
        var bytes = System.Text.Encoding.UTF8.GetBytes(request.ToJsonString());
        Assert.True(bytes.Length > 64 * 1024);

        var withLength = await _client.PostAsync(PatientView, request);
        using var content = new StreamContent(new Security.UnseekableStream(bytes));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await _client.PostAsync(new Uri(PatientView, UriKind.Relative), content);

        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(withLength.Cards());
        Assert.Equal(withLength.Text, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Discovery_lists_a_service_per_hook_with_prefetch_templates_and_usage_requirements()
    {
        var answer = await _client.GetJsonAsync("/cds-services");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var services = answer.Body!["services"]!.AsArray().Select(s => s!.AsObject()).ToList();
        Assert.Equal(["patient-view", "order-select", "order-sign"], services.Select(s => (string)s["hook"]!));
        Assert.Equal(["b12-patient-view", "b12-order-select", "b12-order-sign"], services.Select(s => (string)s["id"]!));
        foreach (var service in services)
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)service["description"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)service["usageRequirements"]));
            var prefetch = service["prefetch"]!.AsObject();
            Assert.Contains("patient", prefetch.Select(p => p.Key));
            Assert.All(prefetch, p => Assert.Contains("{{context.patientId}}", (string)p.Value!, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(Neuro)]
    [InlineData("vegan-dietary-deficiency.json")]
    [InlineData("metformin-user.json")]
    [InlineData("cobalt-allergy-ordering-injection.json")]
    public async Task Patient_view_with_full_prefetch_gives_the_cards_the_bundle_gives(string sample)
    {
        var answer = await _client.PostAsync(PatientView, HookRequests.FromSample(sample));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(answer.Cards().Count > 0, answer.Text);
        var expected = EvaluateDirectly(sample).Report.Cards.Select(c => c.Summary).Order(StringComparer.Ordinal);
        Assert.Equal(expected, answer.Cards().Select(c => (string)c["summary"]!).Order(StringComparer.Ordinal));
        Assert.NotEmpty(answer.Cards());
    }

    [Fact]
    public async Task Cards_follow_the_specification_shape()
    {
        var answer = await _client.PostAsync(PatientView, HookRequests.FromSample(Neuro));

        foreach (var card in answer.Cards())
        {
            Assert.True(((string)card["summary"]!).Length < 140);
            Assert.True(Guid.TryParse((string?)card["uuid"], out _));
            Assert.Contains((string)card["indicator"]!, new[] { "info", "warning", "critical" });
            Assert.NotNull(card["source"]!["label"]);
            if (card["suggestions"] is JsonArray { Count: > 0 } suggestions)
            {
                Assert.NotNull(card["selectionBehavior"]);
                Assert.All(suggestions, s => Assert.True(Guid.TryParse((string?)s!["uuid"], out _)));
            }

            Assert.All(card["overrideReasons"]!.AsArray(), r => Assert.False(string.IsNullOrEmpty((string?)r!["display"])));
            Assert.NotEmpty(card["extension"]!["b12cds.rules"]!.AsArray());
        }

        Assert.Contains("evaluate;dur=", string.Join(",", answer.Headers.GetValues("Server-Timing")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_hook_instance_gives_the_same_card_uuids()
    {
        var request = HookRequests.FromSample(Neuro, hookInstance: "2f1a4a8e-0c55-4d38-9d7e-51b9a5d0c001");

        var first = await _client.PostAsync(PatientView, request);
        var second = await _client.PostAsync(PatientView, request);

        Assert.Equal(first.Cards().Select(c => (string)c["uuid"]!), second.Cards().Select(c => (string)c["uuid"]!));
    }

    [Fact]
    public async Task A_patient_with_no_b12_data_gets_an_empty_card_list()
    {
        var request = HookRequests.FromSample("normal-results.json");
        foreach (var key in HookRequests.Keys.Keys.Where(k => k != "patient"))
        {
            request["prefetch"]![key] = null;
        }

        var answer = await _client.PostAsync(PatientView, request);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("""{"cards":[]}""", answer.Text);
    }

    [Fact]
    public async Task A_null_key_means_no_data_and_gives_no_missing_data_card()
    {
        var request = HookRequests.FromSample(Neuro);
        request["prefetch"]!["allergies"] = null;

        var answer = await _client.PostAsync(PatientView, request);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.DoesNotContain(answer.Cards(), c => ((string)c["summary"]!).StartsWith("B12 advice incomplete", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_required_key_without_a_fhir_server_is_412_naming_the_key()
    {
        var answer = await _client.PostAsync(PatientView, HookRequests.FromSample(Neuro, omit: "labs"));

        Assert.Equal(HttpStatusCode.PreconditionFailed, answer.Status);
        Assert.Equal("OperationOutcome", (string?)answer.Body!["resourceType"]);
        Assert.Contains("labs", answer.Reason(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operation_outcome_in_a_key_is_reported_on_a_card_and_withholds_the_advice_that_needs_it()
    {
        var request = HookRequests.FromSample(Neuro);
        request["prefetch"]!["labs"] = JsonNode.Parse("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"timeout","diagnostics":"lab system down"}]}""");

        var answer = await _client.PostAsync(PatientView, request);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var first = answer.Cards()[0];
        Assert.StartsWith("B12 advice incomplete: lab results not available", (string)first["summary"]!, StringComparison.Ordinal);
        Assert.Equal("warning", (string?)first["indicator"]);
        var full = await _client.PostAsync(PatientView, HookRequests.FromSample(Neuro));
        Assert.True(answer.Cards().Count - 1 < full.Cards().Count, "cards that read lab results are withheld");
    }

    [Fact]
    public async Task Order_sign_reads_the_draft_orders()
    {
        var request = HookRequests.FromSample(Neuro, hook: "order-sign");

        var answer = await _client.PostAsync(OrderSign, request);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.NotEmpty(answer.Cards());
    }

    [Fact]
    public async Task An_unknown_service_is_404_with_the_services_listed()
    {
        var answer = await _client.PostAsync("/cds-services/no-such-service", HookRequests.FromSample(Neuro));

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Contains("b12-patient-view", answer.Reason(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hook_that_does_not_match_the_service_is_400()
    {
        var answer = await _client.PostAsync(PatientView, HookRequests.FromSample(Neuro, hook: "order-sign"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("answers the patient-view hook", answer.Reason(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_400_with_the_position()
    {
        var answer = await _client.PostAsync(PatientView, "{\"hook\": \"patient-view\",\n \"context\": {");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("not valid JSON (line 2", answer.Reason(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Order_hooks_without_draft_orders_are_400()
    {
        var request = HookRequests.FromSample(Neuro, hook: "order-sign");
        request["context"]!.AsObject().Remove("draftOrders");

        var answer = await _client.PostAsync(OrderSign, request);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("context.draftOrders", (string?)answer.Body!["issue"]![0]!["expression"]![0]);
    }

    [Fact]
    public async Task Draft_orders_that_are_not_a_bundle_are_400()
    {
        var request = HookRequests.FromSample(Neuro, hook: "order-sign");
        request["context"]!["draftOrders"] = JsonNode.Parse("""{"resourceType":"Patient","id":"x"}""");

        var answer = await _client.PostAsync(OrderSign, request);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("must be a Bundle, not Patient", answer.Reason(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_keeps_serving_after_bad_requests()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsync(PatientView, "not json")).Status);
        }

        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(PatientView, HookRequests.FromSample(Neuro))).Status);
    }

    [Fact]
    public async Task The_openapi_description_lists_the_endpoints()
    {
        var answer = await _client.GetJsonAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var paths = answer.Body!["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/cds-services", paths);
        Assert.Contains("/cds-services/{id}", paths);
        Assert.Contains("/cds-services/{id}/feedback", paths);
    }

    private PatientEvaluation EvaluateDirectly(string sample)
    {
        var ruleSet = _factory.Services.GetRequiredService<RuleSetProvider>().Current!;
        var bundle = (Bundle)new FhirJsonParser().ParseFile(RepoPaths.Sample(sample)).Resource!;
        return _factory.Services.GetRequiredService<PatientEvaluator>().Evaluate(ruleSet, new EvaluationInput
        {
            Resources = [bundle],
            PatientId = HookRequests.PatientId(sample),
            AsOf = _factory.Clock.GetUtcNow(),
            Profile = "us",
        });
    }
}
