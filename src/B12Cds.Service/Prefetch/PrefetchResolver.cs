using System.Text.RegularExpressions;
using B12Cds.Fhir.Model;
using Microsoft.Extensions.Options;

namespace B12Cds.Service.Prefetch;

/// <summary>
/// Resolves a hook call's prefetch key by key: a key sent is read and checked; JSON <c>null</c> means no data; an
/// OperationOutcome is reported, not evaluated; a key not sent is fetched from the EHR's FHIR server (all such keys at
/// once) with the bearer token, through <see cref="FhirServerPipelines"/>. The caller's deadline wins over everything:
/// when it passes, the keys still outstanding are <see cref="PrefetchKeyState.TimedOut"/> and everything in hand is kept.
/// </summary>
/// <remarks>A singleton; thread-safe. Never throws for what the EHR sends or how its server behaves.</remarks>
public sealed partial class PrefetchResolver
{
    /// <summary>The name of the <see cref="HttpClient"/> used for EHR FHIR servers.</summary>
    public const string HttpClientName = "fhir";

    private const string FhirJson = "application/fhir+json";
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly FhirServerPipelines _pipelines;
    private readonly PrefetchOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PrefetchResolver> _logger;

    /// <summary>Initializes a new instance of the <see cref="PrefetchResolver"/> class.</summary>
    public PrefetchResolver(IHttpClientFactory httpClientFactory, FhirServerPipelines pipelines, IOptions<PrefetchOptions> options, TimeProvider time, ILogger<PrefetchResolver> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClientFactory = httpClientFactory;
        _pipelines = pipelines;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Resolves every template of <paramref name="request"/>.</summary>
    /// <param name="request">The templates, the context, the prefetch sent and the FHIR server.</param>
    /// <param name="deadline">The hook call's deadline: cancelling it ends outstanding fetches (they become <see cref="PrefetchKeyState.TimedOut"/>) and the method returns at once.</param>
    /// <returns>One result per template, in template order.</returns>
    public async Task<PrefetchOutcome> ResolveAsync(PrefetchRequest request, CancellationToken deadline)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = _time.GetTimestamp();
        var callId = request.CallId ?? "-";
        var patientId = request.ContextTokens.GetValueOrDefault("context.patientId");
        var results = new PrefetchKeyResult[request.Templates.Count];
        var fetches = new List<(int Index, Task<PrefetchKeyResult> Task)>();

        for (var i = 0; i < request.Templates.Count; i++)
        {
            var (done, fetch) = Plan(request.Templates[i], request, patientId);
            if (fetch is not null)
            {
                fetches.Add((i, FetchAsync(request.Templates[i], fetch, request.AccessToken, patientId, callId, deadline)));
            }
            else
            {
                results[i] = done!;
            }
        }

        if (fetches.Count > 0)
        {
            try
            {
                // WaitAsync: the deadline ends the wait even if a fetch ignored its token.
                await Task.WhenAll(fetches.Select(f => f.Task)).WaitAsync(deadline).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                PrefetchLog.DeadlinePassed(_logger, callId, fetches.Count(f => !f.Task.IsCompleted), ElapsedMs(started));
            }

            foreach (var (index, task) in fetches)
            {
                results[index] = task.IsCompletedSuccessfully
                    ? task.Result
                    : Result(request.Templates[index], PrefetchKeyState.TimedOut, "the EHR's FHIR server did not answer in time");
            }
        }

        if (request.FhirServer is { } server && IsAllowed(server) && !deadline.IsCancellationRequested)
        {
            results = await AddReferencedMedicationsAsync(results, server, request.AccessToken, callId, started, deadline).ConfigureAwait(false);
        }

        foreach (var r in results.Where(r => !r.HasData))
        {
            PrefetchLog.KeyWithoutData(_logger, callId, r.Key, r.State);
        }

        var outcome = new PrefetchOutcome(results);
        var elapsed = ElapsedMs(started);
        var sent = results.Count(r => r.State is PrefetchKeyState.Provided or PrefetchKeyState.NoData);
        var fetched = results.Count(r => r.State == PrefetchKeyState.Fetched);
        PrefetchLog.Resolved(_logger, callId, results.Length, elapsed, sent, fetched, outcome.Missing.Count);
        return outcome;
    }

    /// <summary>
    /// Creates the token to pass to <see cref="ResolveAsync"/>: it fires <see cref="PrefetchOptions.EvaluationReserve"/>
    /// before the hook call's deadline (counted from now), or when the call is aborted, whichever comes first.
    /// </summary>
    /// <param name="callDeadline">The time left to answer the EHR (<see cref="ServiceOptions.Deadline"/>).</param>
    /// <param name="aborted">The request's own cancellation (the EHR hung up).</param>
    /// <returns>A source the caller disposes once prefetch is resolved.</returns>
    public CancellationTokenSource CreateDeadline(TimeSpan callDeadline, CancellationToken aborted)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        source.CancelAfter(PrefetchBudget(callDeadline));
        return source;
    }

    /// <summary>The time prefetch may take of a call's <paramref name="callDeadline"/>: what the evaluation reserve leaves, never less than none.</summary>
    internal TimeSpan PrefetchBudget(TimeSpan callDeadline)
    {
        var budget = callDeadline - _options.EvaluationReserve;
        return budget > TimeSpan.Zero ? budget : TimeSpan.Zero;
    }

    /// <summary>
    /// Replaces every <c>{{token}}</c> of <paramref name="template"/> with its context value, URL-encoded. False, with the
    /// token named, when a token has no value.
    /// </summary>
    internal static bool TrySubstitute(string template, IReadOnlyDictionary<string, string> tokens, out string query, out string? missingToken)
    {
        string? missing = null;
        query = TokenPattern().Replace(template, m =>
        {
            var name = m.Groups[1].Value.Trim();
            if (tokens.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value))
            {
                return Uri.EscapeDataString(value);
            }

            missing ??= name;
            return string.Empty;
        });
        missingToken = missing;
        return missing is null;
    }

    /// <summary>Gets a value indicating whether <paramref name="link"/> is under <paramref name="server"/>'s base URL (same scheme, host, port and base path): only there does the token go.</summary>
    internal static bool IsOnServer(Uri link, Uri server)
    {
        if (!link.IsAbsoluteUri)
        {
            return false;
        }

        var basePath = server.AbsolutePath.EndsWith('/') ? server.AbsolutePath : server.AbsolutePath + "/";
        return string.Equals(link.Scheme, server.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(link.IdnHost, server.IdnHost, StringComparison.OrdinalIgnoreCase)
            && link.Port == server.Port
            && (link.AbsolutePath + "/").StartsWith(basePath, StringComparison.Ordinal);
    }

    private static PrefetchKeyResult FromPage(PrefetchTemplate template, PrefetchKeyState ok, PageRead page) => page.Kind switch
    {
        PageKind.Data => Result(template, ok, Join(page.Problems), page.Entries),
        PageKind.OperationOutcome => Result(template, PrefetchKeyState.OperationOutcome, Join(page.Problems)),
        _ => Result(template, PrefetchKeyState.Invalid, Join(page.Problems)),
    };

    private static PrefetchKeyResult Result(PrefetchTemplate template, PrefetchKeyState state, string? problem, IReadOnlyList<BundleEntry>? entries = null) =>
        new(template.Key, template.Area, state, entries ?? [], problem) { Required = template.Required };

    private static string? Join(IReadOnlyList<string> problems) => problems.Count == 0 ? null : string.Join("; ", problems);

    private static Uri Resolve(Uri server, string query)
    {
        var root = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");
        return new Uri(root, query);
    }

    [GeneratedRegex(@"\{\{([^{}]+)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    private long ElapsedMs(long started) => (long)_time.GetElapsedTime(started).TotalMilliseconds;

    /// <summary>What to do with one key: its result at once (sent, or not to be had), or where to start fetching it.</summary>
    private (PrefetchKeyResult? Done, FetchStart? Fetch) Plan(PrefetchTemplate template, PrefetchRequest request, string? patientId)
    {
        if (request.Provided.TryGetValue(template.Key, out var value))
        {
            if (value is not { } json)
            {
                return (Result(template, PrefetchKeyState.NoData, null), null);
            }

            var page = PrefetchReader.Read(json.Span, template.Area, patientId);
            if (page is { Kind: PageKind.Data, Next: { } next })
            {
                // CDS Hooks 2.0 lets the EHR page prefetch: the rest is read from its FHIR server, if there is one to ask.
                if (request.FhirServer is { } server && IsAllowed(server) && Uri.TryCreate(server, next, out var nextUri) && IsOnServer(nextUri, server))
                {
                    return (null, new FetchStart(server, nextUri, PrefetchKeyState.Provided, [.. page.Entries], [.. page.Problems], 1));
                }

                page = page with { Problems = [.. page.Problems, "the EHR sent the first page only, and the next pages could not be read"] };
            }

            return (FromPage(template, PrefetchKeyState.Provided, page), null);
        }

        if (request.FhirServer is null)
        {
            return (Result(template, PrefetchKeyState.Unavailable, "not sent in prefetch, and no fhirServer to read it from"), null);
        }

        if (!IsAllowed(request.FhirServer))
        {
            return (Result(template, PrefetchKeyState.Unavailable, "not sent in prefetch, and the fhirServer is not https (the token is not sent in clear)"), null);
        }

        return TrySubstitute(template.Query, request.ContextTokens, out var query, out var missingToken)
            ? (null, new FetchStart(request.FhirServer, Resolve(request.FhirServer, query), PrefetchKeyState.Fetched, [], [], 0))
            : (Result(template, PrefetchKeyState.Unavailable, $"not sent in prefetch, and the context has no {missingToken} to read it with"), null);
    }

    private bool IsAllowed(Uri server) =>
        _options.AllowInsecureHttp || string.Equals(server.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase);
}
