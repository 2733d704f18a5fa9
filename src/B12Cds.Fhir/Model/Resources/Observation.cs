namespace B12Cds.Fhir.Model;

/// <summary>A measurement or finding (FHIR <c>Observation</c>): lab results, symptoms, social history.</summary>
public sealed record Observation : DomainResource
{
    /// <inheritdoc/>
    protected override string TypeName => "Observation";

    public IReadOnlyList<Identifier> Identifier { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Reference> BasedOn { get; init => field = FhirList.Clean(value); } = [];

    /// <summary>Gets the status: registered, preliminary, final, amended, corrected, cancelled, entered-in-error or unknown.</summary>
    public string? Status { get; init; }

    public IReadOnlyList<CodeableConcept> Category { get; init => field = FhirList.Clean(value); } = [];

    public CodeableConcept? Code { get; init; }

    public Reference? Subject { get; init; }

    public Reference? Encounter { get; init; }

    public FhirDateTime? EffectiveDateTime { get; init; }

    public Period? EffectivePeriod { get; init; }

    public FhirDateTime? EffectiveInstant { get; init; }

    public FhirDateTime? Issued { get; init; }

    public IReadOnlyList<Reference> Performer { get; init => field = FhirList.Clean(value); } = [];

    public Quantity? ValueQuantity { get; init; }

    public CodeableConcept? ValueCodeableConcept { get; init; }

    public string? ValueString { get; init; }

    public bool? ValueBoolean { get; init; }

    public int? ValueInteger { get; init; }

    public Range? ValueRange { get; init; }

    public Ratio? ValueRatio { get; init; }

    public string? ValueTime { get; init; }

    public FhirDateTime? ValueDateTime { get; init; }

    public Period? ValuePeriod { get; init; }

    public CodeableConcept? DataAbsentReason { get; init; }

    public IReadOnlyList<CodeableConcept> Interpretation { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Annotation> Note { get; init => field = FhirList.Clean(value); } = [];

    public CodeableConcept? BodySite { get; init; }

    public CodeableConcept? Method { get; init; }

    public Reference? Specimen { get; init; }

    public IReadOnlyList<ObservationReferenceRange> ReferenceRange { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Reference> HasMember { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Reference> DerivedFrom { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<ObservationComponent> Component { get; init => field = FhirList.Clean(value); } = [];

    /// <summary>Gets the clinically relevant time: effectiveDateTime, effectiveInstant, the period's start, else issued.</summary>
    public FhirDateTime? EffectiveTime() => EffectiveDateTime ?? EffectiveInstant ?? EffectivePeriod?.Start ?? EffectivePeriod?.End ?? Issued;
}
