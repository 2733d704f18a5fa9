namespace B12Cds.Facts.Terminology;

/// <summary>
/// One code listed in a value set or analyte: its system URI (canonical form), the code (a trailing <c>*</c> makes
/// it a prefix, e.g. ATC <c>B03BA*</c>), a display, the evidence status from the clinical knowledge base, and a
/// short note on where it was seen.
/// </summary>
/// <param name="System">The canonical code system URI, e.g. <c>http://loinc.org</c>.</param>
/// <param name="Code">The code; ICD-10-CM and ATC codes are upper case.</param>
/// <param name="Display">The display as written in the file, if any.</param>
/// <param name="Status"><see cref="Confirmed"/>, <see cref="SingleSource"/> or <see cref="Unconfirmed"/>.</param>
/// <param name="Source">Where the code was seen, e.g. <c>KNOWLEDGE §2.1</c>.</param>
public sealed record ValueSetCode(string System, string Code, string? Display, string Status, string? Source)
{
    /// <summary>The code and display were seen together in a retrieved source (KNOWLEDGE status "C").</summary>
    public const string Confirmed = "confirmed";

    /// <summary>Seen in only one non-authoritative code file (KNOWLEDGE status "C-1").</summary>
    public const string SingleSource = "single-source";

    /// <summary>Not seen in a retrieved source (KNOWLEDGE status "U"): verify before release.</summary>
    public const string Unconfirmed = "unconfirmed";

    /// <summary>Gets a value indicating whether the code is a prefix (ends in <c>*</c>) matching every code that starts with it.</summary>
    public bool IsPrefix => Code.EndsWith('*');
}
