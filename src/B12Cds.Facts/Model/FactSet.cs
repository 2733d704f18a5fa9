using B12Cds.Fhir.Diagnostics;

namespace B12Cds.Facts.Model;

/// <summary>Every fact read from one input about one patient, with the issues found reading it.</summary>
public sealed record FactSet
{
    /// <summary>Gets the evaluation time the facts were read at (ages are computed at it).</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>Gets the patient, if the input had one.</summary>
    public PatientFact? Patient { get; init; }

    /// <summary>Gets every fact, the patient first, then in input order.</summary>
    public IReadOnlyList<Fact> Facts { get; init => field = value ?? []; } = [];

    /// <summary>Gets the problems found parsing and reading the input, and what was skipped and why.</summary>
    public IReadOnlyList<FhirIssue> Issues { get; init => field = value ?? []; } = [];

    /// <summary>Gets the facts of one type.</summary>
    public IEnumerable<T> OfType<T>()
        where T : Fact => Facts.OfType<T>();
}
