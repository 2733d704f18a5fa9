using B12Cds.Rules.Hosting;
using B12Cds.Service.Prefetch;

namespace B12Cds.Service.Hooks;

/// <summary>The CDS Hooks 2.0 endpoints: discovery, the service calls and feedback.</summary>
internal static class HookEndpoints
{
    public static void MapCdsHooks(this IEndpointRouteBuilder app)
    {
        var hooks = app.MapGroup("/cds-services").WithTags("CDS Hooks");

        hooks.MapGet("/", (RuleSetProvider rules, PrefetchTemplateProvider templates) => rules.Current is { } ruleSet
                ? Results.Json(CdsServiceCatalog.Describe(ruleSet, templates), HookJsonContext.Relaxed)
                : ServiceErrors.Result(StatusCodes.Status503ServiceUnavailable, "transient", "No valid rule set is loaded; try again shortly."))
            .WithName("Discovery")
            .WithSummary("Lists the CDS services with their hooks and prefetch templates.")
            .Produces<CdsDiscovery>();

        hooks.MapPost("/{id}", (string id, HttpContext http, HookHandler handler) => handler.HandleAsync(id, http))
            .WithName("CallService")
            .WithSummary("Calls a CDS service: a CDS Hooks request in, { cards, systemActions } out.")
            .Accepts<CdsHookRequest>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status400BadRequest)
            .Produces(StatusCodes.Status404NotFound)
            .Produces(StatusCodes.Status412PreconditionFailed)
            .Produces(StatusCodes.Status413PayloadTooLarge);

        hooks.MapPost("/{id}/feedback", (string id, HttpContext http, FeedbackHandler handler) => handler.HandleAsync(id, http))
            .WithName("Feedback")
            .WithSummary("Receives feedback on cards: accepted or overridden (with our snooze codes, a snooze).")
            .Produces<FeedbackReceipt>()
            .Produces(StatusCodes.Status400BadRequest)
            .Produces(StatusCodes.Status404NotFound);
    }
}
