using System.Diagnostics.Metrics;

namespace B12Cds.Service.Diagnostics;

/// <summary>
/// The service's metrics (meter <c>B12Cds.Service</c>): per-stage durations (parse, prefetch, evaluate, render,
/// store), calls by service and outcome, and cards returned. Read them with <c>dotnet-counters monitor -n B12Cds.Service
/// --counters B12Cds.Service</c> or any OpenTelemetry exporter.
/// </summary>
public sealed class ServiceMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "B12Cds.Service";

    private readonly Histogram<double> _stage;
    private readonly Counter<long> _calls;
    private readonly Counter<long> _cards;

    /// <summary>Initializes a new instance of the <see cref="ServiceMetrics"/> class on the host's meter factory.</summary>
    public ServiceMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _stage = meter.CreateHistogram<double>("b12cds.stage.duration", "ms", "Time spent in one stage of answering a call (parse, prefetch, evaluate, render, store).");
        _calls = meter.CreateCounter<long>("b12cds.calls", "{call}", "Calls answered, by service and outcome.");
        _cards = meter.CreateCounter<long>("b12cds.cards", "{card}", "Cards returned, by service.");
    }

    /// <summary>Records the time one stage took.</summary>
    public void Stage(string service, string stage, TimeSpan elapsed) =>
        _stage.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("service", service), new KeyValuePair<string, object?>("stage", stage));

    /// <summary>Records one answered call.</summary>
    public void Call(string service, string outcome, int cards)
    {
        _calls.Add(1, new KeyValuePair<string, object?>("service", service), new KeyValuePair<string, object?>("outcome", outcome));
        if (cards > 0)
        {
            _cards.Add(cards, new KeyValuePair<string, object?>("service", service));
        }
    }
}
