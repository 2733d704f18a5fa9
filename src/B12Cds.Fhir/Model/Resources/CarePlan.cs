namespace B12Cds.Fhir.Model;

/// <summary>A plan of care (FHIR <c>CarePlan</c>): B12 CDS writes the injection, oral-dose and follow-up-lab schedule as one, intent <c>proposal</c>.</summary>
public sealed record CarePlan : DomainResource
{
    /// <inheritdoc/>
    protected override string TypeName => "CarePlan";

    public IReadOnlyList<Identifier> Identifier { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<string> InstantiatesCanonical { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Reference> BasedOn { get; init => field = FhirList.Clean(value); } = [];

    /// <summary>Gets the status: draft, active, on-hold, revoked, completed, entered-in-error or unknown.</summary>
    public string? Status { get; init; }

    /// <summary>Gets the intent: proposal, plan, order or option.</summary>
    public string? Intent { get; init; }

    public IReadOnlyList<CodeableConcept> Category { get; init => field = FhirList.Clean(value); } = [];

    public string? Title { get; init; }

    public string? Description { get; init; }

    public Reference? Subject { get; init; }

    public Reference? Encounter { get; init; }

    public Period? Period { get; init; }

    public FhirDateTime? Created { get; init; }

    public Reference? Author { get; init; }

    public IReadOnlyList<Reference> Addresses { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Reference> SupportingInfo { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Reference> Goal { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<CarePlanActivity> Activity { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Annotation> Note { get; init => field = FhirList.Clean(value); } = [];
}
