using B12Cds.Rules.Loading;
using B12Cds.Service.Prefetch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static B12Cds.Service.Tests.Prefetch.PrefetchTestData;

namespace B12Cds.Service.Tests.Prefetch;

/// <summary>Registration, options, logging and the plain-http guard.</summary>
public sealed class PrefetchServiceTests
{
    [Fact]
    public void AddB12CdsPrefetch_InvalidOptions_FailValidation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["B12Cds:Prefetch:AttemptTimeout"] = "00:00:00" }).Build();
        using var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddB12CdsPrefetch(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PrefetchOptions>>().Value);

        Assert.Contains("AttemptTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddB12CdsPrefetch_Defaults_FitTheHookDeadline()
    {
        var options = new PrefetchOptions();

        // A timed-out first attempt and one retry fit in the 1.5 s hook deadline less the evaluation reserve;
        // further retries run only if time is left (the deadline cuts them).
        var worst = (options.AttemptTimeout * 2) + (options.RetryDelay * 2);
        Assert.True(worst <= new ServiceOptions().Deadline - options.EvaluationReserve, $"{worst}");
    }

    [Fact]
    public async Task Resolve_HttpServerWhenNotAllowed_IsUnavailableAndNothingIsSent()
    {
        await using var server = await FhirStandIn.StartAsync(context => FhirStandIn.WriteJson(context, Patient()));
        var (services, resolver) = Resolver(("AllowInsecureHttp", "false"));
        await using var _ = services;

        var outcome = await resolver.ResolveAsync(Request(new() { ["labs"] = null, ["conditions"] = null, ["procedures"] = null }, server.Base), CancellationToken.None);

        Assert.Equal(PrefetchKeyState.Unavailable, outcome.Keys[0].State);
        Assert.Contains("not https", outcome.Keys[0].Problem, StringComparison.Ordinal);
        Assert.True(outcome.PreconditionFailed);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task Resolve_Logs_CarryKeysAndStatesButNeverTheTokenOrThePatient()
    {
        await using var server = await FhirStandIn.StartAsync(context => context.Request.Path.StartsWithSegments("/fhir/Patient")
            ? FhirStandIn.WriteJson(context, Patient())
            : FhirStandIn.WriteJson(context, string.Empty, 503));
        var logs = new CapturedLogs();
        var (services, resolver) = Resolver(logs);
        await using var _ = services;

        await resolver.ResolveAsync(Request(new(), server.Base), CancellationToken.None);

        Assert.Contains(logs.Messages, m => m.Contains("key patient Fetched", StringComparison.Ordinal));
        Assert.Contains(logs.Messages, m => m.Contains("key labs Failed", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, m => m.Contains(Token, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, m => m.Contains($"={PatientId}", StringComparison.Ordinal) || m.Contains($"/{PatientId}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(400, 100)]
    [InlineData(300, 0)]
    [InlineData(200, 0)]
    public async Task PrefetchBudget_KeepsTheEvaluationReserve(int callDeadlineMs, int expectedMs)
    {
        var (services, resolver) = Resolver(("EvaluationReserve", "00:00:00.300"));
        await using var _ = services;

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), resolver.PrefetchBudget(TimeSpan.FromMilliseconds(callDeadlineMs)));
    }

    /// <summary>The deadline fires once the budget is spent, never before it (how late depends on the machine's load: no upper bound).</summary>
    [Fact]
    public async Task CreateDeadline_FiresWhenTheBudgetIsSpent()
    {
        var (services, resolver) = Resolver(("EvaluationReserve", "00:00:00.300"));
        await using var _ = services;

        using var deadline = resolver.CreateDeadline(TimeSpan.FromMilliseconds(400), CancellationToken.None);
        var started = TimeProvider.System.GetTimestamp();
        await Task.WhenAny(Task.Delay(Timeout.Infinite, deadline.Token), Task.Delay(TimeSpan.FromSeconds(30), CancellationToken.None));

        Assert.True(deadline.IsCancellationRequested);
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task TemplateProvider_UsesTheConfiguredOptionsAndTheServiceClock()
    {
        var ruleSet = RuleSetLoader.LoadDirectory(RepoPaths.Rules).RuleSet!;
        var (services, _) = Resolver(("MinimumLabHistory", "1.00:00:00"), ("PageSize", "50"));
        await using var __ = services;
        var provider = services.GetRequiredService<PrefetchTemplateProvider>();

        var labs = provider.For(ruleSet, "patient-view").Single(t => t.Key == "labs");

        var expected = PrefetchTemplates.LabSince(ruleSet, TimeProvider.System.GetUtcNow(), new PrefetchOptions { MinimumLabHistory = TimeSpan.FromDays(1) });
        Assert.Contains($"&date=ge{expected:yyyy-MM-dd}&", labs.Query, StringComparison.Ordinal);
        Assert.EndsWith("&_count=50", labs.Query, StringComparison.Ordinal);
        Assert.Same(provider.For(ruleSet, "patient-view"), provider.For(ruleSet, "patient-view"));
    }
}
