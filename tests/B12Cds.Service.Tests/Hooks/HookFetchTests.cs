using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using B12Cds.Service.Tests.Infrastructure;
using B12Cds.Service.Tests.Prefetch;
using Microsoft.AspNetCore.Http;

namespace B12Cds.Service.Tests.Hooks;

/// <summary>
/// A patient-view call with no prefetch, through the real host, against a stand-in for the EHR's FHIR server on
/// loopback: answering, slow, failing, and failing until the circuit breaker opens.
/// </summary>
public sealed class HookFetchTests
{
    private const string PatientView = "/cds-services/b12-patient-view";
    private const string Sample = "pernicious-anaemia-neuro.json";
    private const string Token = "ehr-access-token";

    private static ServiceFactory Factory() => new()
    {
        Settings =
        {
            ["B12Cds:Deadline"] = "00:00:01.200",
            ["B12Cds:Prefetch:AllowInsecureHttp"] = "true",
            ["B12Cds:Prefetch:AttemptTimeout"] = "00:00:00.250",
            ["B12Cds:Prefetch:MaxRetries"] = "1",
            ["B12Cds:Prefetch:RetryDelay"] = "00:00:00.010",
            ["B12Cds:Prefetch:BreakerMinimumThroughput"] = "4",
            ["B12Cds:Prefetch:BreakerSamplingDuration"] = "00:00:30",
            ["B12Cds:Prefetch:BreakerBreakDuration"] = "00:01:00",
        },
    };

    /// <summary>A call with no prefetch at all: the service must read everything from <paramref name="server"/>.</summary>
    private static JsonObject Request(FhirStandIn server)
    {
        var request = HookRequests.FromSample(Sample);
        request.Remove("prefetch");
        request["fhirServer"] = server.Base.ToString();
        request["fhirAuthorization"] = new JsonObject
        {
            ["access_token"] = Token,
            ["token_type"] = "Bearer",
            ["expires_in"] = 300,
            ["scope"] = "patient/*.read",
            ["subject"] = "b12-cds",
        };
        return request;
    }

    /// <summary>Answers reads and searches from the sample, as the EHR's FHIR API would.</summary>
    private static async Task Serve(HttpContext context)
    {
        var segments = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var entries = HookRequests.Entries(Sample);
        if (segments is ["fhir", var type, var id])
        {
            var match = entries.Select(e => e["resource"]!).FirstOrDefault(r => (string?)r["resourceType"] == type && (string?)r["id"] == id);
            await FhirStandIn.WriteJson(context, match?.ToJsonString() ?? """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found"}]}""", match is null ? 404 : 200);
            return;
        }

        var found = entries.Where(e => (string?)e["resource"]!["resourceType"] == segments[^1]);
        await FhirStandIn.WriteJson(context, HookRequests.SearchSet(found).ToJsonString());
    }

    [Fact]
    public async Task Missing_prefetch_is_read_from_the_fhir_server_with_the_token_and_gives_the_same_cards()
    {
        await using var server = await FhirStandIn.StartAsync(Serve);
        using var factory = Factory();
        using var client = factory.CreateClient();

        var fetched = await client.PostAsync(PatientView, Request(server));
        var prefetched = await client.PostAsync(PatientView, HookRequests.FromSample(Sample));

        Assert.Equal(HttpStatusCode.OK, fetched.Status);
        Assert.Equal(
            prefetched.Cards().Select(c => (string)c["summary"]!).Order(StringComparer.Ordinal),
            fetched.Cards().Select(c => (string)c["summary"]!).Order(StringComparer.Ordinal));
        Assert.NotEmpty(server.Requests);
        Assert.All(server.Requests, r => Assert.Equal("Bearer " + Token, r.Authorization));
    }

    [Fact]
    public async Task A_slow_fhir_server_gets_an_answer_within_the_deadline_naming_what_was_missing()
    {
        await using var server = await FhirStandIn.StartAsync(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            await Serve(context);
        });
        using var factory = Factory();
        using var client = factory.CreateClient();

        var watch = Stopwatch.StartNew();
        var answer = await client.PostAsync(PatientView, Request(server));
        watch.Stop();

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"answered after {watch.Elapsed}");
        var first = answer.Cards()[0];
        Assert.StartsWith("B12 advice incomplete", (string)first["summary"]!, StringComparison.Ordinal);
        Assert.Contains("the EHR's FHIR server", (string)first["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_fhir_server_trips_the_breaker_and_later_calls_fail_fast_without_asking_it()
    {
        await using var server = await FhirStandIn.StartAsync(context =>
            FhirStandIn.WriteJson(context, """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"transient"}]}""", StatusCodes.Status503ServiceUnavailable));
        using var factory = Factory();
        using var client = factory.CreateClient();

        var first = await client.PostAsync(PatientView, Request(server));
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.StartsWith("B12 advice incomplete", (string)first.Cards()[0]["summary"]!, StringComparison.Ordinal);
        for (var i = 0; i < 3; i++)
        {
            await client.PostAsync(PatientView, Request(server));
        }

        var asked = server.RequestCount;
        var later = await client.PostAsync(PatientView, Request(server));

        Assert.Equal(asked, server.RequestCount);
        Assert.Equal(HttpStatusCode.OK, later.Status);
        Assert.Contains("circuit open", (string)later.Cards()[0]["detail"]!, StringComparison.Ordinal);
    }
}
