namespace B12Cds.Fhir.Model;

/// <summary>
/// Who and what produced a set of resources, when and from what (FHIR <c>Provenance</c>): B12 CDS writes one per
/// <c>$apply</c>, naming the rule-set version and every input resource.
/// </summary>
public sealed record Provenance : DomainResource
{
    /// <inheritdoc/>
    protected override string TypeName => "Provenance";

    /// <summary>Gets the resources this provenance is about (at least one).</summary>
    public IReadOnlyList<Reference> Target { get; init => field = FhirList.Clean(value); } = [];

    public Period? OccurredPeriod { get; init; }

    public FhirDateTime? OccurredDateTime { get; init; }

    /// <summary>Gets when the activity was recorded (a FHIR <c>instant</c>).</summary>
    public FhirDateTime? Recorded { get; init; }

    /// <summary>Gets the policies or plans the activity followed (URIs; B12 CDS: the PlanDefinition canonical with <c>|version</c>).</summary>
    public IReadOnlyList<string> Policy { get; init => field = FhirList.Clean(value); } = [];

    public Reference? Location { get; init; }

    public IReadOnlyList<CodeableConcept> Reason { get; init => field = FhirList.Clean(value); } = [];

    public CodeableConcept? Activity { get; init; }

    /// <summary>Gets who took part (at least one).</summary>
    public IReadOnlyList<ProvenanceAgent> Agent { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<ProvenanceEntity> Entity { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Signature> Signature { get; init => field = FhirList.Clean(value); } = [];
}
