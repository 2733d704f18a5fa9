namespace B12Cds.Facts.Terminology;

/// <summary>
/// A laboratory analyte (an Observation code), as written in <c>rules/valuesets/labs.yaml</c>: its codes (LOINC and
/// local), text patterns for uncoded results, and its units: a canonical UCUM unit and the units accepted, with a
/// molar mass where mass and molar units convert; or <see cref="Qualitative"/> for positive/negative results.
/// </summary>
public sealed record LabAnalyte
{
    /// <summary>Gets the stable id rules refer to, e.g. <c>b12-total</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the human title (the id when the file gives none).</summary>
    public required string Title { get; init; }

    /// <summary>Gets the codes that identify the analyte.</summary>
    public IReadOnlyList<ValueSetCode> Codes { get; init; } = [];

    /// <summary>Gets the text patterns (same syntax as <see cref="ValueSet.TextPatterns"/>).</summary>
    public IReadOnlyList<string> TextPatterns { get; init; } = [];

    /// <summary>Gets the phrases that veto a text match in the same text (e.g. <c>active</c> for total B12).</summary>
    public IReadOnlyList<string> ExcludeText { get; init; } = [];

    /// <summary>Gets the UCUM unit results are normalised to; <see langword="null"/> for a qualitative analyte.</summary>
    public string? CanonicalUnit { get; init; }

    /// <summary>Gets the UCUM units a result may be reported in, the canonical unit first.</summary>
    public IReadOnlyList<string> AcceptedUnits { get; init; } = [];

    /// <summary>Gets the molar mass in g/mol, for converting between mass and molar concentrations, if needed.</summary>
    public decimal? MolarMass { get; init; }

    /// <summary>Gets the ion's charge, when equivalents (meq/L) convert to moles (1 for potassium).</summary>
    public int? Valence { get; init; }

    /// <summary>Gets units as labs write them that mean something else in UCUM, mapped to the UCUM unit meant (TSH "mU/L" means m[IU]/L).</summary>
    public IReadOnlyDictionary<string, string> UnitAliases { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets a value indicating whether results are qualitative (positive / negative), without units.</summary>
    public bool Qualitative { get; init; }

    /// <summary>Gets where the entry starts.</summary>
    public required SourceLocation Location { get; init; }
}
