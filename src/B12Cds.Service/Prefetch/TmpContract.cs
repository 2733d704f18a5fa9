#pragma warning disable
using B12Cds.Fhir.Model;
using B12Cds.Rules.Model;
namespace B12Cds.Service.Prefetch;
public enum PrefetchArea { Patient, Labs, Conditions, MedicationRequests, MedicationStatements, MedicationAdministrations, Procedures, Allergies }
public sealed record PrefetchTemplate(string Key, PrefetchArea Area, string Query, bool Required);
public static class PrefetchTemplates { public static IReadOnlyList<PrefetchTemplate> For(RuleSet ruleSet, string hook) => []; }
public enum PrefetchKeyState { Provided, NoData, Fetched, OperationOutcome, Invalid, Failed, TimedOut, Unavailable }
public sealed record PrefetchKeyResult(string Key, PrefetchArea Area, PrefetchKeyState State, IReadOnlyList<Resource> Resources, string? Problem);
public sealed record PrefetchOutcome(IReadOnlyList<PrefetchKeyResult> Keys)
{
    public IReadOnlyList<Resource> Resources { get; } = [];
    public bool PreconditionFailed { get; }
    public IReadOnlyList<PrefetchKeyResult> Missing { get; } = [];
}
public sealed record PrefetchRequest
{
    public required IReadOnlyList<PrefetchTemplate> Templates { get; init; }
    public required IReadOnlyDictionary<string, string> ContextTokens { get; init; }
    public required IReadOnlyDictionary<string, ReadOnlyMemory<byte>?> Provided { get; init; }
    public Uri? FhirServer { get; init; }
    public string? AccessToken { get; init; }
}
public sealed class PrefetchResolver { public Task<PrefetchOutcome> ResolveAsync(PrefetchRequest request, CancellationToken deadline) => throw new NotImplementedException(); }
