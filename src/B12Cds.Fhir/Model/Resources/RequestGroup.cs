namespace B12Cds.Fhir.Model;

/// <summary>A group of related requests with conditions and ordering (FHIR R4 <c>RequestGroup</c>), the usual result of <c>$apply</c>.</summary>
public sealed record RequestGroup : DomainResource
{
    /// <inheritdoc/>
    protected override string TypeName => "RequestGroup";

    public IReadOnlyList<Identifier> Identifier { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<string> InstantiatesCanonical { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Reference> BasedOn { get; init => field = FhirList.Clean(value); } = [];

    /// <summary>Gets the status: draft, active, on-hold, revoked, completed, entered-in-error or unknown.</summary>
    public string? Status { get; init; }

    /// <summary>Gets the intent: proposal, plan, directive, order, original-order, reflex-order, filler-order, instance-order or option.</summary>
    public string? Intent { get; init; }

    public string? Priority { get; init; }

    public CodeableConcept? Code { get; init; }

    public Reference? Subject { get; init; }

    public Reference? Encounter { get; init; }

    public FhirDateTime? AuthoredOn { get; init; }

    public Reference? Author { get; init; }

    public IReadOnlyList<CodeableConcept> ReasonCode { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Reference> ReasonReference { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Annotation> Note { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<RequestGroupAction> Action { get; init => field = FhirList.Clean(value); } = [];
}
