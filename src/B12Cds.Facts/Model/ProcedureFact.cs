using B12Cds.Fhir.Model;

namespace B12Cds.Facts.Model;

/// <summary>A procedure performed on the patient, e.g. a gastrectomy or ileal resection.</summary>
public sealed record ProcedureFact : Fact
{
    /// <inheritdoc/>
    public override string FactType => "procedure";

    /// <summary>Gets when it was performed, if known.</summary>
    public FhirDateTime? Performed { get; init; }

    /// <summary>Gets the FHIR status: completed, in-progress, stopped…</summary>
    public string? FhirStatus { get; init; }
}
