namespace B12Cds.Fhir.Model;

/// <summary>The person receiving care (FHIR <c>Patient</c>): what B12 CDS needs is identity, sex and birth date.</summary>
public sealed record Patient : DomainResource
{
    /// <inheritdoc/>
    protected override string TypeName => "Patient";

    public IReadOnlyList<Identifier> Identifier { get; init => field = FhirList.Clean(value); } = [];

    public bool? Active { get; init; }

    public IReadOnlyList<HumanName> Name { get; init => field = FhirList.Clean(value); } = [];

    /// <summary>Gets the administrative gender: male, female, other or unknown.</summary>
    public string? Gender { get; init; }

    public FhirDateTime? BirthDate { get; init; }

    public bool? DeceasedBoolean { get; init; }

    public FhirDateTime? DeceasedDateTime { get; init; }

    public Reference? ManagingOrganization { get; init; }
}
