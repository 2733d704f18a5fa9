using B12Cds.Fhir.Diagnostics;
using B12Cds.Fhir.Model;

namespace B12Cds.Service.FhirApi;

/// <summary>The inputs of one <c>$apply</c> call, read from a Parameters body (or a plain Bundle) and the query string.</summary>
internal sealed record ApplyRequest
{
    /// <summary>Gets the PlanDefinition asked for at type level (<c>url</c> or <c>planDefinition</c>), without a version.</summary>
    public string? PlanDefinitionUrl { get; init; }

    /// <summary>Gets the PlanDefinition id asked for at type level (a <c>planDefinition</c> resource's id).</summary>
    public string? PlanDefinitionId { get; init; }

    /// <summary>Gets the PlanDefinition version asked for (<c>url|version</c> or <c>version</c>).</summary>
    public string? PlanDefinitionVersion { get; init; }

    /// <summary>Gets the subjects given (R4: 1..*; B12 CDS takes one).</summary>
    public IReadOnlyList<string> Subjects { get; init; } = [];

    /// <summary>Gets the patient's data (CPG <c>data</c>), or the body itself when it is a Bundle.</summary>
    public Bundle? Data { get; init; }

    /// <summary>Gets a value indicating whether the body was a plain Bundle (then the subject may be its one Patient).</summary>
    public bool BodyIsBundle { get; init; }

    /// <summary>Gets the evaluation time (<c>asOf</c>); null for now.</summary>
    public FhirDateTime? AsOf { get; init; }

    /// <summary>Gets the regimen profile (<c>profile</c>: us or uk); null for the service's default.</summary>
    public string? Profile { get; init; }

    /// <summary>Gets a value indicating whether a Bundle is asked for (<c>returnType=Bundle</c>) instead of the CarePlan.</summary>
    public bool ReturnBundle { get; init; }

    /// <summary>Gets the encounter (R4 <c>encounter</c>), as a reference.</summary>
    public string? Encounter { get; init; }

    /// <summary>Gets the practitioner applying the plan (R4 <c>practitioner</c>), as a reference.</summary>
    public string? Practitioner { get; init; }

    /// <summary>Gets warnings about the input: parameters ignored, and entries of the data that could not be read.</summary>
    public IReadOnlyList<FhirIssue> Warnings { get; init; } = [];
}
