using B12Cds.Fhir.Model;
using B12Cds.Rules.Hosting;
using Microsoft.Extensions.Options;

namespace B12Cds.Service.FhirApi;

/// <summary>
/// The FHIR R4 API under <c>/fhir</c>: <c>GET metadata</c> (CapabilityStatement), <c>GET PlanDefinition</c> (search)
/// and <c>GET PlanDefinition/{id}</c> (read) for the active rule set, and <c>POST PlanDefinition/{id}/$apply</c> or
/// <c>POST PlanDefinition/$apply</c> (see <see cref="ApplyOperation"/>). Every answer, errors included, is FHIR JSON;
/// errors are OperationOutcomes.
/// </summary>
public static class FhirApiEndpoints
{
    /// <summary>The path prefix of the FHIR API.</summary>
    public const string BasePath = "/fhir";

    /// <summary>Maps the FHIR API on <paramref name="app"/>.</summary>
    public static IEndpointRouteBuilder MapFhirApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var fhir = app.MapGroup(BasePath).WithTags("FHIR");
        fhir.MapGet("/metadata", GetMetadata).WithName("FhirMetadata").WithSummary("The CapabilityStatement.");
        fhir.MapGet("/PlanDefinition", SearchPlanDefinitions).WithName("FhirPlanDefinitionSearch").WithSummary("The loaded rule set as a searchset Bundle of PlanDefinitions.");
        fhir.MapGet("/PlanDefinition/{id}", ReadPlanDefinition).WithName("FhirPlanDefinitionRead").WithSummary("The loaded rule set as a PlanDefinition.");

        // '$' is an ordinary literal character in a route template; a literal segment beats the {id} parameter.
        fhir.MapPost("/PlanDefinition/$apply", ApplyOperation.ApplyTypeLevelAsync).WithName("FhirPlanDefinitionApplyType").WithSummary("$apply, naming the PlanDefinition by `url`.");
        fhir.MapPost("/PlanDefinition/{id}/$apply", ApplyOperation.ApplyInstanceAsync).WithName("FhirPlanDefinitionApply").WithSummary("$apply: a CarePlan for the subject's data.");
        return app;
    }

    /// <summary>Gets the service's base URL: the configured public base URL, else the request's scheme, host and path base.</summary>
    internal static string ServiceBase(HttpRequest request, ServiceOptions options)
    {
        var root = string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : options.PublicBaseUrl;
        return root.TrimEnd('/');
    }

    /// <summary>Gets the FHIR base URL: the service's base URL and <c>/fhir</c>.</summary>
    internal static string FhirBase(HttpRequest request, ServiceOptions options) => ServiceBase(request, options) + BasePath;

    private static FhirResourceResult GetMetadata(HttpRequest request, RuleSetProvider rules, TimeProvider time, IOptions<ServiceOptions> options) =>
        new(CapabilityStatementFactory.Create(FhirBase(request, options.Value), rules.Current?.Version, time.GetUtcNow()));

    private static IResult SearchPlanDefinitions(HttpRequest request, RuleSetProvider rules, TimeProvider time, IOptions<ServiceOptions> options)
    {
        if (rules.Current is not { } ruleSet)
        {
            return ApplyOperation.RulesNotLoaded().ToResult();
        }

        var definition = PlanDefinitionFactory.Create(ruleSet, rules.LastLoaded);
        var query = request.Query;
        var matches = Matches(query, "_id", definition.Id) && Matches(query, "url", definition.Url) && Matches(query, "version", definition.Version)
            && Matches(query, "name", definition.Name) && Matches(query, "status", definition.Status);
        var fhirBase = FhirBase(request, options.Value);
        return new FhirResourceResult(new Bundle
        {
            Type = "searchset",
            Timestamp = FhirDateTime.FromInstant(time.GetUtcNow()),
            Total = matches ? 1 : 0,
            Link = [new BundleLink { Relation = "self", Url = $"{fhirBase}/PlanDefinition{request.QueryString}" }],
            Entry = matches
                ? [new BundleEntry { FullUrl = $"{fhirBase}/PlanDefinition/{definition.Id}", Resource = definition, Search = new BundleEntrySearch { Mode = "match" } }]
                : [],
        });
    }

    private static IResult ReadPlanDefinition(string id, RuleSetProvider rules)
    {
        if (!string.Equals(id, FhirApiUris.PlanDefinitionId, StringComparison.Ordinal))
        {
            return ApplyOperation.UnknownPlanDefinition($"PlanDefinition/{id}").ToResult();
        }

        return rules.Current is { } ruleSet
            ? new FhirResourceResult(PlanDefinitionFactory.Create(ruleSet, rules.LastLoaded))
            : ApplyOperation.RulesNotLoaded().ToResult();
    }

    /// <summary>A search parameter matches when absent or when one of its comma-separated values equals the element (case-sensitive, as FHIR tokens and URIs are).</summary>
    private static bool Matches(IQueryCollection query, string name, string? value) =>
        !query.TryGetValue(name, out var given)
        || given.SelectMany(g => (g ?? string.Empty).Split(',')).Any(v => string.Equals(v.Trim(), value, StringComparison.Ordinal));
}
