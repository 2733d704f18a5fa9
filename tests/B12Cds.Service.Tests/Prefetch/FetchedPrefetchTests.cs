using System.Diagnostics;
using B12Cds.Service.Prefetch;
using Microsoft.AspNetCore.Http;
using static B12Cds.Service.Tests.Prefetch.PrefetchTestData;

namespace B12Cds.Service.Tests.Prefetch;

/// <summary>Keys not sent, fetched from a stand-in FHIR server on loopback that answers well, slowly, wrongly or not at all.</summary>
public sealed class FetchedPrefetchTests
{
    [Fact]
    public async Task Resolve_MissingKeys_AreFetchedWithTheBearerTokenAndPagesFollowed()
    {
        await using var server = await FhirStandIn.StartAsync(async context =>
        {
            var path = context.Request.Path.Value!;
            var page2 = context.Request.Query.ContainsKey("page");
            await FhirStandIn.WriteJson(context, path switch
            {
                "/fhir/Patient/p1" => Patient(),
                "/fhir/Observation" when page2 => Bundle(null, Observation("o2")),
                "/fhir/Observation" => Bundle($"http://{context.Request.Host}/fhir/Observation?page=2", Observation("o1")),
                "/fhir/Condition" => Bundle(null, Condition("c1")),
                _ => Bundle(null),
            });
        });
        var (services, resolver) = Resolver();
        await using var _ = services;

        var outcome = await resolver.ResolveAsync(Request(new(), server.Base), CancellationToken.None);

        Assert.All(outcome.Keys, k => Assert.Equal(PrefetchKeyState.Fetched, k.State));
        Assert.Equal(["Patient/p1", "Observation/o1", "Observation/o2", "Condition/c1"], outcome.Resources.Select(r => r.RelativeReference()));
        Assert.Equal(5, server.RequestCount);
        Assert.All(server.Requests, r => Assert.Equal($"Bearer {Token}", r.Authorization));
        Assert.All(server.Requests, r => Assert.Contains("application/fhir+json", r.Accept, StringComparison.Ordinal));
        Assert.Contains(server.Requests, r => r.PathAndQuery == "/fhir/Observation?patient=p1&code=http://loinc.org%7C2132-9&_sort=-date"
            || r.PathAndQuery == "/fhir/Observation?patient=p1&code=http://loinc.org|2132-9&_sort=-date");
    }

    [Fact]
    public async Task Resolve_SomeKeysSent_FetchesOnlyTheOthers()
    {
        await using var server = await FhirStandIn.StartAsync(context => FhirStandIn.WriteJson(context, Bundle(null, Condition("c9"))));
        var (services, resolver) = Resolver();
        await using var _ = services;
        var request = Request(new() { ["patient"] = Bytes(Patient()), ["labs"] = null, ["procedures"] = null }, server.Base);

        var outcome = await resolver.ResolveAsync(request, CancellationToken.None);

        Assert.Equal([PrefetchKeyState.Provided, PrefetchKeyState.NoData, PrefetchKeyState.Fetched, PrefetchKeyState.NoData], outcome.Keys.Select(k => k.State));
        Assert.StartsWith("/fhir/Condition?patient=p1", Assert.Single(server.Requests).PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_PagedPrefetch_ReadsTheRestFromTheFhirServer()
    {
        await using var server = await FhirStandIn.StartAsync(context => FhirStandIn.WriteJson(context, Bundle(null, Observation("o2"))));
        var (services, resolver) = Resolver();
        await using var _ = services;
        var firstPage = Bundle(new Uri(server.Base, "Observation?page=2").AbsoluteUri, Observation("o1"));

        var outcome = await resolver.ResolveAsync(Request(new() { ["patient"] = Bytes(Patient()), ["labs"] = Bytes(firstPage), ["conditions"] = null, ["procedures"] = null }, server.Base), CancellationToken.None);

        var labs = outcome.Keys.Single(k => k.Key == "labs");
        Assert.Equal(PrefetchKeyState.Provided, labs.State);
        Assert.Equal(["Observation/o1", "Observation/o2"], labs.Resources.Select(r => r.RelativeReference()));
        var seen = Assert.Single(server.Requests);
        Assert.Equal("/fhir/Observation?page=2", seen.PathAndQuery);
        Assert.Equal($"Bearer {Token}", seen.Authorization);
    }

    [Fact]
    public async Task Resolve_PagedPrefetchWithoutFhirServer_UsesTheFirstPageAndSaysSo()
    {
        var (services, resolver) = Resolver();
        await using var _ = services;
        var firstPage = Bundle("https://ehr.example/fhir/Observation?page=2", Observation("o1"));

        var outcome = await resolver.ResolveAsync(Request(new() { ["labs"] = Bytes(firstPage) }), CancellationToken.None);

        var labs = outcome.Keys.Single(k => k.Key == "labs");
        Assert.Equal(PrefetchKeyState.Provided, labs.State);
        Assert.Equal(["Observation/o1"], labs.Resources.Select(r => r.RelativeReference()));
        Assert.Contains("first page only", labs.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_NextLinkOnAnotherServer_IsNotFollowedAndTheTokenStaysHome()
    {
        await using var foreign = await FhirStandIn.StartAsync(context => FhirStandIn.WriteJson(context, Bundle(null, Observation("stolen"))));
        await using var server = await FhirStandIn.StartAsync(context =>
            FhirStandIn.WriteJson(context, Bundle(new Uri(foreign.Base, "Observation?page=2").AbsoluteUri, Observation("o1"))));
        var (services, resolver) = Resolver();
        await using var _ = services;

        var outcome = await resolver.ResolveAsync(Request(new() { ["patient"] = Bytes(Patient()), ["conditions"] = null, ["procedures"] = null }, server.Base), CancellationToken.None);

        var labs = outcome.Keys.Single(k => k.Key == "labs");
        Assert.Equal(PrefetchKeyState.Fetched, labs.State);
        Assert.Equal(["Observation/o1"], labs.Resources.Select(r => r.RelativeReference()));
        Assert.Contains("another server was not followed", labs.Problem, StringComparison.Ordinal);
        Assert.Equal(0, foreign.RequestCount);
    }

    [Fact]
    public async Task Resolve_ServerSlowerThanEachAttempt_RetriesThenFails()
    {
        await using var server = await FhirStandIn.StartAsync(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
            await FhirStandIn.WriteJson(context, Patient());
        });
        var (services, resolver) = Resolver(("AttemptTimeout", "00:00:00.250"));
        await using var _ = services;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(3));

        var outcome = await resolver.ResolveAsync(Request(new() { ["labs"] = null, ["conditions"] = null, ["procedures"] = null }, server.Base), deadline.Token);

        var patient = outcome.Keys.Single(k => k.Key == "patient");
        Assert.Equal(PrefetchKeyState.Failed, patient.State);
        Assert.Contains("did not answer within 250 ms, 3 times", patient.Problem, StringComparison.Ordinal);
        Assert.False(deadline.IsCancellationRequested);
        await WaitForAsync(() => server.RequestCount == 3);
    }

    [Fact]
    public async Task Resolve_ServerSlowerThanTheDeadline_AnswersInTimeWithWhatIsInHand()
    {
        await using var server = await FhirStandIn.StartAsync(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            await FhirStandIn.WriteJson(context, Bundle(null));
        });
        var (services, resolver) = Resolver(("AttemptTimeout", "00:00:05"));
        await using var _ = services;
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var request = Request(new() { ["patient"] = Bytes(Patient()), ["labs"] = Bytes(Bundle(null, Observation("o1"))) }, server.Base);
        var clock = Stopwatch.StartNew();

        var outcome = await resolver.ResolveAsync(request, deadline.Token);

        // Well under the 5 s attempt timeout (a loaded machine may take a while past the 300 ms deadline).
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(4));
        Assert.Equal([PrefetchKeyState.Provided, PrefetchKeyState.Provided, PrefetchKeyState.TimedOut, PrefetchKeyState.TimedOut], outcome.Keys.Select(k => k.State));
        Assert.Equal(["Patient/p1", "Observation/o1"], outcome.Resources.Select(r => r.RelativeReference()));
        Assert.Equal(["conditions", "procedures"], outcome.Missing.Select(k => k.Key));
        Assert.False(outcome.PreconditionFailed);
    }

    [Fact]
    public async Task Resolve_ServiceUnavailableOnce_RetriesAndSucceeds()
    {
        var calls = 0;
        await using var server = await FhirStandIn.StartAsync(context =>
            Interlocked.Increment(ref calls) == 1
                ? FhirStandIn.WriteJson(context, Outcome("error", "transient", "busy"), StatusCodes.Status503ServiceUnavailable)
                : FhirStandIn.WriteJson(context, Patient()));
        var (services, resolver) = Resolver();
        await using var _ = services;

        var outcome = await resolver.ResolveAsync(Request(new() { ["labs"] = null, ["conditions"] = null, ["procedures"] = null }, server.Base), CancellationToken.None);

        Assert.Equal(PrefetchKeyState.Fetched, outcome.Keys[0].State);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Resolve_RetryAfterWithinTheBudget_IsHonoured()
    {
        var calls = 0;
        var times = new System.Collections.Concurrent.ConcurrentQueue<long>();
        await using var server = await FhirStandIn.StartAsync(context =>
        {
            times.Enqueue(TimeProvider.System.GetTimestamp());
            if (Interlocked.Increment(ref calls) > 1)
            {
                return FhirStandIn.WriteJson(context, Patient());
            }

            context.Response.Headers.RetryAfter = "1";
            return FhirStandIn.WriteJson(context, string.Empty, StatusCodes.Status503ServiceUnavailable);
        });
        var (services, resolver) = Resolver(("MaxRetryAfter", "00:00:02"));
        await using var _ = services;

        var outcome = await resolver.ResolveAsync(Request(new() { ["labs"] = null, ["conditions"] = null, ["procedures"] = null }, server.Base), CancellationToken.None);

        Assert.Equal(PrefetchKeyState.Fetched, outcome.Keys[0].State);
        var stamps = times.ToArray();
        Assert.Equal(2, stamps.Length);
        Assert.True(TimeProvider.System.GetElapsedTime(stamps[0], stamps[1]) >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task Resolve_RetryAfterLongerThanTheBudget_IsNotRetried()
    {
        await using var server = await FhirStandIn.StartAsync(context =>
        {
            context.Response.Headers.RetryAfter = "30";
            return FhirStandIn.WriteJson(context, string.Empty, StatusCodes.Status429TooManyRequests);
        });
        var (services, resolver) = Resolver();
        await using var _ = services;

        var outcome = await resolver.ResolveAsync(Request(new() { ["labs"] = null, ["conditions"] = null, ["procedures"] = null }, server.Base), CancellationToken.None);

        Assert.Equal(PrefetchKeyState.Failed, outcome.Keys[0].State);
        Assert.Contains("HTTP 429", outcome.Keys[0].Problem, StringComparison.Ordinal);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Resolve_ServerFailingRepeatedly_OpensTheCircuitAndLaterCallsFailFast()
    {
        await using var server = await FhirStandIn.StartAsync(context => FhirStandIn.WriteJson(context, string.Empty, StatusCodes.Status500InternalServerError));
        var (services, resolver) = Resolver(("MaxRetries", "0"), ("BreakerMinimumThroughput", "4"));
        await using var _ = services;
        var request = Request(new() { ["labs"] = null, ["conditions"] = null, ["procedures"] = null }, server.Base);

        for (var i = 0; i < 4; i++)
        {
            var failing = await resolver.ResolveAsync(request, CancellationToken.None);
            Assert.Contains("HTTP 500", failing.Keys[0].Problem, StringComparison.Ordinal);
        }

        var before = server.RequestCount;
        var clock = Stopwatch.StartNew();
        var outcome = await resolver.ResolveAsync(request, CancellationToken.None);

        Assert.Equal(4, before);
        Assert.Equal(before, server.RequestCount);
        Assert.Equal(PrefetchKeyState.Failed, outcome.Keys[0].State);
        Assert.Equal("the EHR's FHIR server is not answering (circuit open)", outcome.Keys[0].Problem);
        // No request reaches the server (above); the time only confirms no attempt waited for a timeout.
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Resolve_OneServerBroken_AnotherServerStillAnswers()
    {
        await using var broken = await FhirStandIn.StartAsync(context => FhirStandIn.WriteJson(context, string.Empty, StatusCodes.Status502BadGateway));
        await using var healthy = await FhirStandIn.StartAsync(context => FhirStandIn.WriteJson(context, Patient()));
        var (services, resolver) = Resolver(("MaxRetries", "0"), ("BreakerMinimumThroughput", "4"));
        await using var _ = services;
        var provided = new Dictionary<string, ReadOnlyMemory<byte>?> { ["labs"] = null, ["conditions"] = null, ["procedures"] = null };
        for (var i = 0; i < 5; i++)
        {
            await resolver.ResolveAsync(Request(provided, broken.Base), CancellationToken.None);
        }

        var outcome = await resolver.ResolveAsync(Request(provided, healthy.Base), CancellationToken.None);

        Assert.Equal(PrefetchKeyState.Fetched, outcome.Keys[0].State);
        Assert.Equal(4, broken.RequestCount);
    }

    [Theory]
    [InlineData(200, "this is not json", PrefetchKeyState.Invalid, "not readable")]
    [InlineData(200, """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"forbidden","diagnostics":"consent withheld"}]}""", PrefetchKeyState.OperationOutcome, "consent withheld")]
    [InlineData(404, """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found","diagnostics":"no such patient"}]}""", PrefetchKeyState.OperationOutcome, "HTTP 404")]
    [InlineData(401, "", PrefetchKeyState.Failed, "refused access (HTTP 401)")]
    [InlineData(302, "", PrefetchKeyState.Failed, "redirected")]
    public async Task Resolve_BadAnswer_IsReportedForTheKey(int status, string body, PrefetchKeyState expected, string problem)
    {
        await using var server = await FhirStandIn.StartAsync(context =>
        {
            if (status == 302)
            {
                context.Response.Headers.Location = "http://127.0.0.1:9/elsewhere";
            }

            return FhirStandIn.WriteJson(context, body, status);
        });
        var (services, resolver) = Resolver();
        await using var _ = services;

        var outcome = await resolver.ResolveAsync(Request(new() { ["labs"] = null, ["conditions"] = null, ["procedures"] = null }, server.Base), CancellationToken.None);

        Assert.Equal(expected, outcome.Keys[0].State);
        Assert.Contains(problem, outcome.Keys[0].Problem, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, outcome.Keys[0].Problem, StringComparison.Ordinal);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Resolve_HugeBody_FailsTheKeyWithoutReadingIt()
    {
        var huge = Bundle(null, [.. Enumerable.Range(0, 2000).Select(i => Observation($"o{i}"))]);
        await using var server = await FhirStandIn.StartAsync(context => FhirStandIn.WriteJson(context, huge));
        var (services, resolver) = Resolver();
        await using var _ = services;

        var outcome = await resolver.ResolveAsync(Request(new() { ["patient"] = Bytes(Patient()), ["conditions"] = null, ["procedures"] = null }, server.Base), CancellationToken.None);

        var labs = outcome.Keys.Single(k => k.Key == "labs");
        Assert.Equal(PrefetchKeyState.Failed, labs.State);
        Assert.Contains("more than 65536 bytes", labs.Problem, StringComparison.Ordinal);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Resolve_MorePagesThanTheLimit_KeepsTheFirstPagesAndSaysSo()
    {
        await using var server = await FhirStandIn.StartAsync(context =>
        {
            var page = int.Parse(context.Request.Query["page"].FirstOrDefault() ?? "1", System.Globalization.CultureInfo.InvariantCulture);
            return FhirStandIn.WriteJson(context, Bundle($"http://{context.Request.Host}/fhir/Observation?page={page + 1}", Observation($"o{page}")));
        });
        var (services, resolver) = Resolver(("MaxPages", "3"));
        await using var _ = services;

        var outcome = await resolver.ResolveAsync(Request(new() { ["patient"] = Bytes(Patient()), ["conditions"] = null, ["procedures"] = null }, server.Base), CancellationToken.None);

        var labs = outcome.Keys.Single(k => k.Key == "labs");
        Assert.Equal(PrefetchKeyState.Fetched, labs.State);
        Assert.Equal(["Observation/o1", "Observation/o2", "Observation/o3"], labs.Resources.Select(r => r.RelativeReference()));
        Assert.Contains("only the first 3 pages were read", labs.Problem, StringComparison.Ordinal);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 50 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }
}
