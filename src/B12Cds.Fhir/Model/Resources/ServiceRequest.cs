namespace B12Cds.Fhir.Model;

/// <summary>A request for a service such as a lab test or referral (FHIR <c>ServiceRequest</c>).</summary>
public sealed record ServiceRequest : DomainResource
{
    /// <inheritdoc/>
    protected override string TypeName => "ServiceRequest";

    public IReadOnlyList<Identifier> Identifier { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<string> InstantiatesCanonical { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Reference> BasedOn { get; init => field = FhirList.Clean(value); } = [];

    /// <summary>Gets the status: draft, active, on-hold, revoked, completed, entered-in-error or unknown.</summary>
    public string? Status { get; init; }

    /// <summary>Gets the intent: proposal, plan, directive, order, original-order, reflex-order, filler-order, instance-order or option.</summary>
    public string? Intent { get; init; }

    public IReadOnlyList<CodeableConcept> Category { get; init => field = FhirList.Clean(value); } = [];

    /// <summary>Gets the priority: routine, urgent, asap or stat.</summary>
    public string? Priority { get; init; }

    public bool? DoNotPerform { get; init; }

    public CodeableConcept? Code { get; init; }

    public Reference? Subject { get; init; }

    public Reference? Encounter { get; init; }

    public FhirDateTime? OccurrenceDateTime { get; init; }

    public Period? OccurrencePeriod { get; init; }

    public Timing? OccurrenceTiming { get; init; }

    public FhirDateTime? AuthoredOn { get; init; }

    public Reference? Requester { get; init; }

    public IReadOnlyList<CodeableConcept> ReasonCode { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Reference> ReasonReference { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Reference> SupportingInfo { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Annotation> Note { get; init => field = FhirList.Clean(value); } = [];

    public string? PatientInstruction { get; init; }
}
