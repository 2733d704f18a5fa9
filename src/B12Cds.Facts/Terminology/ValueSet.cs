namespace B12Cds.Facts.Terminology;

/// <summary>
/// A named set of codes and text patterns for one clinical idea (a condition, procedure, medication class, route or
/// result), as written in a file under <c>rules/valuesets/</c>. Membership through <see cref="Includes"/> is resolved by
/// <see cref="TerminologyCatalog"/>; the lists here are this entry's own.
/// </summary>
public sealed record ValueSet
{
    /// <summary>Gets the stable id rules refer to, e.g. <c>pernicious-anaemia</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the human title (the id when the file gives none).</summary>
    public required string Title { get; init; }

    /// <summary>Gets the codes listed in this entry (not those of included value sets).</summary>
    public IReadOnlyList<ValueSetCode> Codes { get; init; } = [];

    /// <summary>Gets the ids of the value sets whose members are also members of this one (<c>includeValueSets</c>).</summary>
    public IReadOnlyList<string> Includes { get; init; } = [];

    /// <summary>
    /// Gets the text patterns: case-insensitive whole-word phrases where <c>*</c> stands for zero or more letters
    /// within a word, and a space or hyphen for any run of spaces and hyphens.
    /// </summary>
    public IReadOnlyList<string> TextPatterns { get; init; } = [];

    /// <summary>Gets the phrases (same syntax as <see cref="TextPatterns"/>) that veto a text match in the same text.</summary>
    public IReadOnlyList<string> ExcludeText { get; init; } = [];

    /// <summary>
    /// Gets the values of <see cref="Domain"/>: what a value set's codes may be matched against, so that a
    /// medication named "oral tablets" is not taken for a route, nor an allergy to cyanocobalamin for a prescription.
    /// </summary>
    public static IReadOnlyList<string> Domains { get; } = ["finding", "procedure", "medication", "allergy", "route", "result"];

    /// <summary>Gets the domain of the file it is in (see <see cref="Domains"/>); null when the file names none, and then it matches in every domain.</summary>
    public string? Domain { get; init; }

    /// <summary>Gets where the entry starts.</summary>
    public required SourceLocation Location { get; init; }
}
