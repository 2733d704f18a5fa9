using B12Cds.Fhir.Json;

namespace B12Cds.Rules.Scenarios;

/// <summary>The FHIR data a scenario evaluates (<c>given:</c>), already read: a bundle file, or inline resources gathered in a Bundle.</summary>
public sealed record ScenarioInput
{
    /// <summary>Gets what the data is, for reports: <c>bundle ../../fhir-samples/x.json</c> or <c>2 inline resources</c>.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the data as the FHIR parser read it.</summary>
    public required FhirParseResult Data { get; init; }

    /// <summary>Gets the id of the Patient to evaluate; by default the first Patient in the data.</summary>
    public string? PatientId { get; init; }

    /// <summary>Gets the full path of the bundle file, when the data comes from one.</summary>
    public string? BundlePath { get; init; }
}
