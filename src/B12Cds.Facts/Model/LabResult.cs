using B12Cds.Facts.Terminology;
using B12Cds.Fhir.Model;

namespace B12Cds.Facts.Model;

/// <summary>
/// A laboratory result for one analyte (a whole Observation, or one component of a panel), with its value in the
/// analyte's canonical unit and as reported. When the value cannot be used (no unit, an unknown unit, no value)
/// the fact is still made, with <see cref="ValueProblem"/> saying why, so a rule can say "cannot be interpreted".
/// </summary>
public sealed record LabResult : Fact
{
    /// <inheritdoc/>
    public override string FactType => "lab";

    /// <summary>Gets the analyte id from the lab value sets, e.g. <c>b12-total</c>.</summary>
    public required string Analyte { get; init; }

    /// <summary>Gets the coding that identified the analyte, if it matched by code.</summary>
    public Coding? Code { get; init; }

    /// <summary>Gets the clinically relevant time of the result.</summary>
    public required FhirDateTime Effective { get; init; }

    /// <summary>Gets the Observation status: final, amended, corrected or preliminary.</summary>
    public string? Status { get; init; }

    /// <summary>Gets the value in the analyte's canonical unit, or null when there is no usable numeric value.</summary>
    public Measurement? Value { get; init; }

    /// <summary>Gets the value as reported, with its unit normalised to UCUM.</summary>
    public Measurement? Reported { get; init; }

    /// <summary>Gets the comparator of a censored result (<c>&lt;</c>, <c>&lt;=</c>, <c>&gt;=</c>, <c>&gt;</c>), e.g. "&lt;50".</summary>
    public string? Comparator { get; init; }

    /// <summary>Gets the value sets a coded result belongs to, e.g. <c>result-positive</c> for an antibody test.</summary>
    public IReadOnlyList<ConceptMatch> ValueConcepts { get; init => field = value ?? []; } = [];

    /// <summary>Gets a text or coded result as text, e.g. "Positive".</summary>
    public string? ValueText { get; init; }

    /// <summary>Gets the interpretation codes (HL7 v3 ObservationInterpretation: L, H, LL, HH, N, A, POS, NEG…).</summary>
    public IReadOnlyList<string> Interpretation { get; init => field = value ?? []; } = [];

    /// <summary>Gets the lab's reference range low bound in the canonical unit, if given and convertible.</summary>
    public Measurement? ReferenceLow { get; init; }

    /// <summary>Gets the lab's reference range high bound in the canonical unit, if given and convertible.</summary>
    public Measurement? ReferenceHigh { get; init; }

    /// <summary>Gets why the numeric value is missing or unusable: unit-missing, unit-unknown, unit-not-convertible, value-missing, value-out-of-range.</summary>
    public string? ValueProblem { get; init; }

    /// <summary>Gets a value indicating whether the coded or interpreted result is positive (for qualitative tests).</summary>
    public bool IsPositive => ValueConcepts.Any(c => c.ValueSetId == "result-positive") || Interpretation.Contains("POS");

    /// <summary>Gets a value indicating whether the coded or interpreted result is negative (for qualitative tests).</summary>
    public bool IsNegative => ValueConcepts.Any(c => c.ValueSetId == "result-negative") || Interpretation.Contains("NEG");
}
