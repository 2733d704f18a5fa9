namespace B12Cds.Fhir.Model;

/// <summary>An actor in a Provenance: a person, organization or device (FHIR <c>Provenance.agent</c>).</summary>
public sealed record ProvenanceAgent
{
    /// <summary>Gets how the agent took part (http://terminology.hl7.org/CodeSystem/provenance-participant-type: author, assembler…).</summary>
    public CodeableConcept? Type { get; init; }

    public IReadOnlyList<CodeableConcept> Role { get; init => field = FhirList.Clean(value); } = [];

    /// <summary>Gets who took part (required).</summary>
    public Reference? Who { get; init; }

    public Reference? OnBehalfOf { get; init; }
}
