using System.Diagnostics.Metrics;
using System.Net;
using B12Cds.Service.Diagnostics;
using B12Cds.Service.Tests.Infrastructure;
using B12Cds.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace B12Cds.Service.Tests.Hooks;

/// <summary>The audit trail of every evaluation, and the per-stage timings as metrics.</summary>
public sealed class AuditTests : IDisposable
{
    private const string Sample = "pernicious-anaemia-neuro.json";

    private readonly ServiceFactory _factory = new();
    private readonly HttpClient _client;

    public AuditTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private async Task<IReadOnlyList<AuditRecord>> AuditAsync()
    {
        await _factory.FlushAuditAsync();
        return await _factory.Services.GetRequiredService<ICdsStore>().QueryAuditAsync(new AuditQuery { PatientId = HookRequests.PatientId(Sample) });
    }

    [Fact]
    public async Task Every_call_is_audited_with_ids_versions_rules_cards_outcome_and_duration()
    {
        var request = HookRequests.FromSample(Sample);
        var answer = await _client.PostAsync("/cds-services/b12-patient-view", request);

        var record = Assert.Single(await AuditAsync());

        Assert.Equal("b12-patient-view", record.ServiceId);
        Assert.Equal("patient-view", record.Hook);
        Assert.Equal((string)request["hookInstance"]!, record.HookInstance);
        Assert.StartsWith("2026.", record.RuleSetVersion, StringComparison.Ordinal);
        Assert.Contains("NE-01a", record.RulesFired);
        Assert.Equal(answer.Cards().Select(c => (string)c["uuid"]!), record.CardUuids);
        Assert.Equal("cards", record.Outcome);
        Assert.True(record.Duration > TimeSpan.Zero);
        Assert.Null(record.Detail);
    }

    [Fact]
    public async Task A_412_is_audited_with_the_missing_keys()
    {
        var answer = await _client.PostAsync("/cds-services/b12-patient-view", HookRequests.FromSample(Sample, omit: "allergies"));

        Assert.Equal(HttpStatusCode.PreconditionFailed, answer.Status);
        var record = Assert.Single(await AuditAsync());
        Assert.Equal("precondition-failed", record.Outcome);
        Assert.Equal("missing: allergies", record.Detail);
        Assert.Empty(record.CardUuids);
    }

    [Fact]
    public async Task Each_stage_of_a_call_is_timed_as_a_metric()
    {
        var stages = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ServiceMetrics.MeterName && instrument.Name == "b12cds.stage.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "stage")
                {
                    lock (stages)
                    {
                        stages.Add((string)tag.Value!);
                    }
                }
            }
        });
        listener.Start();

        await _client.PostAsync("/cds-services/b12-patient-view", HookRequests.FromSample(Sample));

        lock (stages)
        {
            Assert.Equal(["evaluate", "parse", "prefetch", "render"], stages.Distinct().Order(StringComparer.Ordinal));
        }
    }
}
