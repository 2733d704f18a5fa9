using System.ComponentModel.DataAnnotations;

namespace B12Cds.Service.Prefetch;

/// <summary>
/// How prefetch is fetched when the EHR did not send it (configuration section <c>B12Cds:Prefetch</c>). The hard
/// deadline of a hook call is <see cref="ServiceOptions.Deadline"/>; these settings shape the calls inside it.
/// </summary>
public sealed class PrefetchOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string Section = "B12Cds:Prefetch";

    /// <summary>Gets or sets the time one HTTP attempt may take, body included.</summary>
    /// <value>The default is 400 ms: two attempts and a short back-off fit in the 1.5 s hook deadline.</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>Gets or sets the retries after a transient failure (408, 429, 5xx, connection error, attempt timeout).</summary>
    /// <value>The default is 2.</value>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>Gets or sets the first retry delay; later ones grow exponentially, with jitter.</summary>
    /// <value>The default is 50 ms.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Gets or sets the longest <c>Retry-After</c> honoured; a server asking for a longer wait is not retried (the hook deadline would pass anyway).</summary>
    /// <value>The default is 500 ms.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets or sets the share of failed calls to one FHIR server, within <see cref="BreakerSamplingDuration"/>, that opens its circuit.</summary>
    /// <value>The default is 0.5.</value>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Gets or sets the window over which <see cref="BreakerFailureRatio"/> is measured.</summary>
    /// <value>The default is 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the calls needed within the window before the circuit can open.</summary>
    /// <value>The default is 10.</value>
    [Range(2, 10_000)]
    public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>Gets or sets how long an open circuit fails calls at once before one trial call is let through.</summary>
    /// <value>The default is 15 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets or sets the most searchset pages read per key (the first page included); the rest is reported, not read.</summary>
    /// <value>The default is 5.</value>
    [Range(1, 100)]
    public int MaxPages { get; set; } = 5;

    /// <summary>Gets or sets the largest response body read, in bytes; a larger one fails the key.</summary>
    /// <value>The default is 4 MiB.</value>
    [Range(1024, 256L * 1024 * 1024)]
    public long MaxResponseBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Gets or sets the page size asked for (<c>_count</c>) in search templates.</summary>
    /// <value>The default is 100.</value>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 100;

    /// <summary>
    /// Gets or sets the shortest lab history the <c>labs</c> template asks for. The bound is the longer of this and the
    /// rule set's longest look-back parameter, because some rules read results with no window at all (an intrinsic
    /// factor antibody ever tested; the latest B12 result being older than the look-back).
    /// </summary>
    /// <value>The default is 730 days (2 years): DESIGN, longer than every look-back in the shipped rules (12 months).</value>
    [Range(typeof(TimeSpan), "1.00:00:00", "36500.00:00:00")]
    public TimeSpan MinimumLabHistory { get; set; } = TimeSpan.FromDays(730);

    /// <summary>
    /// Gets or sets how much of the hook call's deadline is kept back for evaluating the rules and writing the cards:
    /// prefetch gets the rest (<see cref="PrefetchResolver.CreateDeadline"/>).
    /// </summary>
    /// <value>The default is 300 ms (the rules take a few milliseconds; the rest is margin for a loaded machine).</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan EvaluationReserve { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// Gets or sets a value indicating whether an <c>http</c> (not <c>https</c>) <c>fhirServer</c> is read. The bearer
    /// token would cross the network in clear, so it is off; turn it on only for development and tests against a local server.
    /// </summary>
    /// <value>The default is false.</value>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Gets or sets the most referenced Medications read per call (<c>Medication/{id}</c>, when not in hand).</summary>
    /// <value>The default is 20.</value>
    [Range(0, 200)]
    public int MaxMedicationReads { get; set; } = 20;

    /// <summary>Gets or sets the most FHIR servers that get their own circuit breaker; calls to further servers share one fallback breaker.</summary>
    /// <value>The default is 256.</value>
    [Range(1, 100_000)]
    public int MaxServers { get; set; } = 256;
}
