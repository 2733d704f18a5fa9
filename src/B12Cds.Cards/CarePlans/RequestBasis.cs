using B12Cds.Facts.Model;
using B12Cds.Fhir.Model;

namespace B12Cds.Cards.CarePlans;

/// <summary>What a proposed request rests on: whom it is for, the rules that propose it, and the FHIR resources behind their facts.</summary>
public sealed record RequestBasis
{
    /// <summary>Gets the patient (<c>Patient/&lt;id&gt;</c>).</summary>
    public required Reference Subject { get; init; }

    /// <summary>Gets the canonical URLs of the rules that propose it (see <see cref="B12CdsUris.Rule"/>).</summary>
    public IReadOnlyList<string> InstantiatesCanonical { get; init => field = value ?? []; } = [];

    /// <summary>Gets the FHIR resources behind the facts the rules matched: Conditions and Observations become reasons, others supporting information.</summary>
    public IReadOnlyList<SourceReference> Evidence { get; init => field = value ?? []; } = [];

    /// <summary>Gets the resource id to give the request (e.g. <c>rx-1</c> when contained), or null.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the subject reference for a patient id: <c>Patient/&lt;id&gt;</c>, or a display-only reference when the input named no patient.</summary>
    public static Reference SubjectFor(string? patientId) =>
        string.IsNullOrWhiteSpace(patientId) ? new Reference { Display = "The patient of the request (no Patient id in the input)" } : Reference.To($"Patient/{patientId}");
}
