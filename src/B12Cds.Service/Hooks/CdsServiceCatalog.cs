using System.Text.Json.Serialization;
using B12Cds.Rules.Model;
using B12Cds.Service.Prefetch;

namespace B12Cds.Service.Hooks;

/// <summary>One CDS service the discovery endpoint lists: its id, the hook it answers and what it is for.</summary>
/// <param name="Id">The id in <c>{baseUrl}/cds-services/{id}</c>.</param>
/// <param name="Hook">The hook it is invoked on.</param>
/// <param name="Title">A short human name.</param>
/// <param name="Description">What the service does for the clinician.</param>
/// <param name="UsageRequirements">What an EHR must provide for the advice to be complete.</param>
public sealed record CdsServiceDefinition(string Id, string Hook, string Title, string Description, string UsageRequirements);

/// <summary>A service as the discovery endpoint shows it (CDS Hooks 2.0 §Discovery).</summary>
public sealed record CdsServiceDescription
{
    [JsonPropertyName("hook")]
    public required string Hook { get; init; }

    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("description")]
    public required string Description { get; init; }

    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("prefetch")]
    public required IReadOnlyDictionary<string, string> Prefetch { get; init; }

    [JsonPropertyName("usageRequirements")]
    public required string UsageRequirements { get; init; }
}

/// <summary>The discovery document: <c>{ "services": [...] }</c>.</summary>
public sealed record CdsDiscovery([property: JsonPropertyName("services")] IReadOnlyList<CdsServiceDescription> Services);

/// <summary>The services B12 CDS offers: one per hook, all answered by the same rule set.</summary>
public static class CdsServiceCatalog
{
    /// <summary>The service answering <c>patient-view</c>.</summary>
    public const string PatientViewId = "b12-patient-view";

    /// <summary>The service answering <c>order-select</c>.</summary>
    public const string OrderSelectId = "b12-order-select";

    /// <summary>The service answering <c>order-sign</c>.</summary>
    public const string OrderSignId = "b12-order-sign";

    private const string Requirements =
        "Send the patient's serum B12, active B12, MMA, homocysteine, folate and full blood count results, problems, "
        + "medications (requested, taken and given), procedures and allergies, by prefetch or through fhirServer with a token "
        + "allowing patient/*.read. Missing lists make the advice incomplete and are named on a card.";

    /// <summary>Gets the services, in the order discovery lists them.</summary>
    public static IReadOnlyList<CdsServiceDefinition> All { get; } =
    [
        new(
            PatientViewId,
            "patient-view",
            "Vitamin B12 deficiency",
            "When a chart opens: reads B12-related results, causes, neurological signs and treatment, and advises on diagnosis, cause, regimen (loading then maintenance, IM or oral), monitoring, non-response and safety, with a CarePlan to accept.",
            Requirements),
        new(
            OrderSelectId,
            "order-select",
            "Vitamin B12 orders (select)",
            "When B12 tests or treatments are selected: checks them against the patient's results, causes and current treatment (e.g. oral B12 where absorption is impaired, a repeat test inside its interval).",
            Requirements + " context.draftOrders is read for the orders being selected."),
        new(
            OrderSignId,
            "order-sign",
            "Vitamin B12 orders (sign)",
            "Before B12 orders are signed: checks dose, route and schedule against the patient's deficiency, neurology and cause, and the safety rules.",
            Requirements + " context.draftOrders is read for the orders being signed."),
    ];

    /// <summary>Finds a service by id.</summary>
    public static CdsServiceDefinition? Find(string id) => All.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));

    /// <summary>Builds the discovery document for <paramref name="ruleSet"/>: the prefetch templates follow what its rules read.</summary>
    public static CdsDiscovery Describe(RuleSet ruleSet, PrefetchTemplateProvider templates) => new(
    [
        .. All.Select(s => new CdsServiceDescription
        {
            Hook = s.Hook,
            Title = s.Title,
            Description = s.Description,
            Id = s.Id,
            Prefetch = templates.For(ruleSet, s.Hook).ToDictionary(t => t.Key, t => t.Query, StringComparer.Ordinal),
            UsageRequirements = s.UsageRequirements,
        }),
    ]);
}
