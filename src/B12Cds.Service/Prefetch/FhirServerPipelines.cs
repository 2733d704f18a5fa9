using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace B12Cds.Service.Prefetch;

/// <summary>
/// The resilience pipelines for calls to EHR FHIR servers, one per server origin so that one failing EHR opens only
/// its own circuit: retry (exponential with jitter, honouring a short <c>Retry-After</c>) around a circuit breaker
/// around a per-attempt timeout. The hook call's deadline, passed as the cancellation token, bounds them all.
/// </summary>
/// <remarks>A singleton: the breakers must see every call to a server. Thread-safe.</remarks>
public sealed class FhirServerPipelines
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _byOrigin = new(StringComparer.OrdinalIgnoreCase);
    private readonly PrefetchOptions _options;
    private readonly TimeProvider _time;
    private readonly Lazy<ResiliencePipeline<HttpResponseMessage>> _overflow;

    /// <summary>Initializes a new instance of the <see cref="FhirServerPipelines"/> class.</summary>
    public FhirServerPipelines(IOptions<PrefetchOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _overflow = new(Build);
    }

    /// <summary>Gets the pipeline for the server at <paramref name="server"/> (its scheme, host and port).</summary>
    public ResiliencePipeline<HttpResponseMessage> For(Uri server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var origin = server.GetLeftPart(UriPartial.Authority);
        if (_byOrigin.TryGetValue(origin, out var pipeline))
        {
            return pipeline;
        }

        // Origins come from callers; past the cap, further servers share one breaker rather than grow the table.
        return _byOrigin.Count >= _options.MaxServers ? _overflow.Value : _byOrigin.GetOrAdd(origin, _ => Build());
    }

    /// <summary>Gets a value indicating whether <paramref name="status"/> is worth retrying: 408, 429 or a server error.</summary>
    internal static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - time.GetUtcNow() : null;
    }

    private ResiliencePipeline<HttpResponseMessage> Build()
    {
        var transient = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .HandleResult(r => IsTransient(r.StatusCode));
        var isTransient = transient.Build();

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time };
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = _options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryDelay,

                // A server asking for a longer wait than the hook can afford is not retried: its answer stands.
                ShouldHandle = args => ValueTask.FromResult(isTransient(args.Outcome) && !(RetryAfter(args.Outcome.Result, _time) > _options.MaxRetryAfter)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, _time) is { } after && after >= TimeSpan.Zero ? after : (TimeSpan?)null),
                OnRetry = args =>
                {
                    // The failed response is replaced by the next attempt's: release its connection.
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = _options.BreakerFailureRatio,
                SamplingDuration = _options.BreakerSamplingDuration,
                MinimumThroughput = _options.BreakerMinimumThroughput,
                BreakDuration = _options.BreakerBreakDuration,
                ShouldHandle = transient,
            })
            .AddTimeout(_options.AttemptTimeout)
            .Build();
    }
}
