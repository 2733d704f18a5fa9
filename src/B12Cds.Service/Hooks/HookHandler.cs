using System.Diagnostics;
using B12Cds.Cards.CdsHooks;
using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Hosting;
using B12Cds.Service.Diagnostics;
using B12Cds.Service.Evaluation;
using B12Cds.Service.Prefetch;
using B12Cds.Storage;
using Microsoft.Extensions.Options;

namespace B12Cds.Service.Hooks;

/// <summary>
/// Answers one CDS Hooks call: reads the request, gathers the patient's data (prefetch, else the EHR's FHIR server)
/// within the deadline, runs the rules, withholds cards the missing data makes untrustworthy, drops snoozed and
/// recently shown cards, answers, and queues the audit record (never waiting for it).
/// </summary>
internal sealed class HookHandler(
    RuleSetProvider rules,
    PatientEvaluator evaluator,
    PrefetchResolver prefetch,
    PrefetchTemplateProvider templates,
    CardHistoryCache history,
    AuditWriter audit,
    ServiceMetrics metrics,
    TimeProvider time,
    IHostEnvironment environment,
    IOptions<ServiceOptions> options,
    ILogger<HookHandler> logger)
{
    private readonly ServiceOptions _options = options.Value;
    private readonly FhirJsonParser _parser = new();

    public async Task<IResult> HandleAsync(string serviceId, HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        var service = CdsServiceCatalog.Find(serviceId);
        if (service is null)
        {
            return Refuse(serviceId, StatusCodes.Status404NotFound, "not-found",
                $"There is no CDS service '{serviceId}'. Services: {string.Join(", ", CdsServiceCatalog.All.Select(s => s.Id))}.");
        }

        if (rules.Current is not { } ruleSet)
        {
            return Refuse(serviceId, StatusCodes.Status503ServiceUnavailable, "transient", "No valid rule set is loaded; try again shortly.");
        }

        // Prefetch stops early enough to leave time for evaluation; the rest of the call shares the same deadline.
        using var deadline = prefetch.CreateDeadline(_options.Deadline, http.RequestAborted);

        var body = await RequestBody.ReadAsync(http, http.RequestAborted);
        if (!CdsHookRequestReader.TryRead(body, out var request, out var problem))
        {
            return Refuse(serviceId, StatusCodes.Status400BadRequest, "invalid", problem.Reason, problem.Path);
        }

        if (!string.Equals(request.Hook, service.Hook, StringComparison.Ordinal))
        {
            return Refuse(serviceId, StatusCodes.Status400BadRequest, "invalid",
                $"Service '{service.Id}' answers the {service.Hook} hook; this request is for {request.Hook}.", "hook");
        }

        if (request.FhirServer is { } server && server.Scheme != Uri.UriSchemeHttps && !environment.IsDevelopment())
        {
            return Refuse(serviceId, StatusCodes.Status400BadRequest, "security", "'fhirServer' must use https.", "fhirServer");
        }

        var drafts = ReadDraftOrders(service, request, out var draftProblem);
        if (draftProblem is not null)
        {
            return Refuse(serviceId, StatusCodes.Status400BadRequest, "invalid", draftProblem, "context.draftOrders");
        }

        var parsed = Stopwatch.GetTimestamp();
        var data = await prefetch.ResolveAsync(
            new PrefetchRequest
            {
                Templates = templates.For(ruleSet, service.Hook),
                CallId = request.HookInstance,
                ContextTokens = request.ContextTokens,
                Provided = request.Prefetch,
                FhirServer = request.FhirServer,
                AccessToken = request.AccessToken,
            },
            deadline.Token);
        var fetched = Stopwatch.GetTimestamp();

        if (data.PreconditionFailed)
        {
            var keys = string.Join(", ", data.Missing.Where(m => m.State == PrefetchKeyState.Unavailable).Select(m => m.Key));
            ServiceLog.PreconditionFailed(logger, service.Id, request.HookInstance, request.PatientId, keys);
            Audit(service, request, ruleSet.Version, "precondition-failed", started, [], [], $"missing: {keys}");
            metrics.Call(service.Id, "precondition-failed", 0);
            return ServiceErrors.Result(StatusCodes.Status412PreconditionFailed, "required",
                $"Required data was not prefetched and there is no fhirServer to fetch it from: {keys}.", "prefetch");
        }

        PatientEvaluation evaluation;
        try
        {
            evaluation = evaluator.Evaluate(ruleSet, new EvaluationInput
            {
                Resources = [new Bundle { Type = "collection", Entry = Distinct([.. data.Entries, .. drafts]) }],
                PatientId = request.PatientId,
                AsOf = time.GetUtcNow(),
                Profile = _options.Profile,
                HookInstance = request.HookInstance,
                ServiceBaseUrl = _options.PublicBaseUrl,
            });
        }
        catch (RuleCycleException ex)
        {
            ServiceLog.EvaluationFailed(logger, ex, service.Id, request.HookInstance);
            Audit(service, request, ruleSet.Version, "error", started, [], [], "rule cycle");
            metrics.Call(service.Id, "error", 0);
            return ServiceErrors.Result(StatusCodes.Status500InternalServerError, "exception",
                "The rules could not finish for this patient (a rule cycle); the rule set needs correcting. No advice was given.");
        }

        var cardOptions = new CardOptions { PatientId = request.PatientId, HookInstance = request.HookInstance, ServiceBaseUrl = _options.PublicBaseUrl };
        var cards = Complete(ruleSet.Version, evaluation, data, request, cardOptions, service.Id);
        cards = await WithoutSuppressedAsync(cards, request.PatientId, service.Id, deadline.Token);
        var rendered = Stopwatch.GetTimestamp();

        var outcome = data.Missing.Count > 0 ? "partial" : cards.Count > 0 ? "cards" : "no-cards";
        var fired = evaluation.FiredRules;
        Audit(service, request, ruleSet.Version, outcome, started, fired, cards, null);
        metrics.Call(service.Id, outcome, cards.Count);

        var parseTime = Stopwatch.GetElapsedTime(started, parsed);
        var prefetchTime = Stopwatch.GetElapsedTime(parsed, fetched);
        var renderTime = Stopwatch.GetElapsedTime(fetched, rendered) - evaluation.ExtractTime - evaluation.EvaluateTime;
        metrics.Stage(service.Id, "parse", parseTime + evaluation.ExtractTime);
        metrics.Stage(service.Id, "prefetch", prefetchTime);
        metrics.Stage(service.Id, "evaluate", evaluation.EvaluateTime);
        metrics.Stage(service.Id, "render", renderTime);
        var total = Stopwatch.GetElapsedTime(started);
        ServiceLog.HookAnswered(
            logger, service.Id, request.HookInstance, request.PatientId, outcome, cards.Count, ruleSet.Version,
            (parseTime + evaluation.ExtractTime).TotalMilliseconds, prefetchTime.TotalMilliseconds, evaluation.EvaluateTime.TotalMilliseconds,
            renderTime.TotalMilliseconds, total.TotalMilliseconds);

        http.Response.Headers["Server-Timing"] =
            $"parse;dur={(parseTime + evaluation.ExtractTime).TotalMilliseconds:F2}, prefetch;dur={prefetchTime.TotalMilliseconds:F2}, "
            + $"evaluate;dur={evaluation.EvaluateTime.TotalMilliseconds:F2}, render;dur={renderTime.TotalMilliseconds:F2}";
        return new CdsResponseResult(new CdsResponse { Cards = cards });
    }

    /// <summary>The cards the data in hand supports, plus the card naming what was missing.</summary>
    private List<Card> Complete(string version, PatientEvaluation evaluation, PrefetchOutcome data, CdsHookRequest request, CardOptions cardOptions, string serviceId)
    {
        if (data.Missing.Count == 0)
        {
            return [.. evaluation.Cards];
        }

        var missingTypes = data.Missing.SelectMany(m => DataCompleteness.FactTypesOf(m.Area)).ToHashSet(StringComparer.Ordinal);
        var trusted = DataCompleteness.Trusted(evaluation.RuleSet, evaluation.Cards, missingTypes, out var withheld);
        ServiceLog.DataMissing(logger, serviceId, request.HookInstance, request.PatientId, string.Join(", ", data.Missing.Select(m => $"{m.Key}={m.State}")), withheld.Count);
        return [DataCompleteness.MissingDataCard(data.Missing, withheld.Count, version, cardOptions), .. trusted];
    }

    /// <summary>Drops cards snoozed for this patient or shown by another hook within the repeat window. The store failing or being slow never blocks advice.</summary>
    private async Task<List<Card>> WithoutSuppressedAsync(List<Card> cards, string patientId, string serviceId, CancellationToken deadline)
    {
        if (cards.Count == 0)
        {
            return cards;
        }

        IReadOnlySet<string> suppressed;
        try
        {
            suppressed = await history.SuppressedAsync(patientId, serviceId, deadline);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || deadline.IsCancellationRequested)
        {
            ServiceLog.SuppressionLookupFailed(logger, ex, serviceId);
            return cards;
        }

        return suppressed.Count == 0 ? cards : [.. cards.Where(c => CardKey(c) is not { } key || !suppressed.Contains(key))];
    }

    /// <summary>Reads <c>context.draftOrders</c> (order hooks): the requests being selected or signed.</summary>
    private IReadOnlyList<BundleEntry> ReadDraftOrders(CdsServiceDefinition service, CdsHookRequest request, out string? problem)
    {
        problem = null;
        if (service.Hook is not ("order-select" or "order-sign"))
        {
            return [];
        }

        if (request.DraftOrders is not { } json)
        {
            problem = $"'context.draftOrders' is required for {service.Hook}: a Bundle of the draft orders.";
            return [];
        }

        var parsed = _parser.Parse(json.Span);
        if (parsed.Resource is not Bundle bundle)
        {
            problem = parsed.IsReadable
                ? $"'context.draftOrders' must be a Bundle, not {parsed.Resource!.ResourceType}."
                : $"'context.draftOrders' is not a readable FHIR resource: {(parsed.Issues.Count > 0 ? parsed.Issues[0].Message : "unreadable")}";
            return [];
        }

        return bundle.Entry;
    }

    /// <summary>
    /// The entries once each: two searches can return the same resource (an Observation matching both the lab and
    /// the finding templates), and reading it twice would double its facts.
    /// </summary>
    private static List<BundleEntry> Distinct(List<BundleEntry> entries)
    {
        var seen = new HashSet<(string Type, string Id)>(entries.Count);
        var distinct = new List<BundleEntry>(entries.Count);
        foreach (var entry in entries)
        {
            if (entry.Resource is { } resource && (resource.Id is null || seen.Add((resource.ResourceType, resource.Id))))
            {
                distinct.Add(entry);
            }
        }

        return distinct;
    }

    /// <summary>The identity of "the same card" across hooks and invocations: the rule that emitted it.</summary>
    internal static string? CardKey(Card card) => card.Extension is { Rules.Count: > 0 } extension ? extension.Rules[0].Id : null;

    private void Audit(CdsServiceDefinition service, CdsHookRequest request, string version, string outcome, long started, IReadOnlyList<string> fired, IReadOnlyList<Card> cards, string? detail)
    {
        var now = time.GetUtcNow();
        var record = new AuditRecord
        {
            Id = Guid.CreateVersion7(now),
            Time = now,
            ServiceId = service.Id,
            Hook = request.Hook,
            HookInstance = request.HookInstance,
            PatientId = request.PatientId,
            RuleSetVersion = version,
            RulesFired = fired,
            CardUuids = [.. cards.Select(c => c.Uuid).OfType<string>()],
            ShownCards =
            [
                .. cards
                    .Where(c => c.Uuid is not null && CardKey(c) is not null)
                    .Select(c => new ShownCard(c.Uuid!, CardKey(c)!, request.PatientId, service.Id, request.Hook, request.HookInstance, now)),
            ],
            Outcome = outcome,
            Duration = Stopwatch.GetElapsedTime(started),
            Detail = detail,
        };
        history.Shown(record.ShownCards);
        if (!audit.TryEnqueue(record))
        {
            ServiceLog.AuditDropped(logger, service.Id, request.HookInstance);
        }
    }

    private IResult Refuse(string serviceId, int status, string code, string reason, string? path = null)
    {
        ServiceLog.RequestRefused(logger, serviceId, status, reason);
        metrics.Call(serviceId, $"refused-{status}", 0);
        return ServiceErrors.Result(status, code, reason, path);
    }
}
