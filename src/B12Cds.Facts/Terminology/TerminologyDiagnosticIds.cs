namespace B12Cds.Facts.Terminology;

/// <summary>
/// Stable ids of the problems <see cref="TerminologyLoader"/> reports in value set files. They never change meaning;
/// new ones take new numbers. All are errors (no catalogue is built) unless marked as warnings.
/// </summary>
public static class TerminologyDiagnosticIds
{
    /// <summary>The file is not well-formed YAML (or uses anchors and aliases, or holds more than one document).</summary>
    public const string YamlSyntax = "TERM001";

    /// <summary>A key that the format does not define, usually a typo (<c>dispaly</c>).</summary>
    public const string UnknownKey = "TERM002";

    /// <summary>A required key is missing or empty: <c>version</c>; a value set's or analyte's <c>id</c>; a code's <c>system</c>, <c>code</c> or <c>status</c>.</summary>
    public const string MissingKey = "TERM003";

    /// <summary>A value of the wrong shape (a list where one value is expected…) or that cannot be read (a molar mass that is not a positive number).</summary>
    public const string InvalidValue = "TERM004";

    /// <summary>The same key twice in one mapping.</summary>
    public const string DuplicateKey = "TERM005";

    /// <summary>Two value sets or analytes with the same id, in one file or across files.</summary>
    public const string DuplicateId = "TERM006";

    /// <summary>The same system and code listed twice in one value set or analyte.</summary>
    public const string DuplicateCode = "TERM007";

    /// <summary><c>includeValueSets</c> names an id that is not a value set.</summary>
    public const string UnknownInclude = "TERM008";

    /// <summary><c>includeValueSets</c> forms a cycle (a value set includes itself, directly or through others).</summary>
    public const string IncludeCycle = "TERM009";

    /// <summary>A LOINC code whose check digit (mod 10, over the part before the dash) is wrong, e.g. <c>14685-3</c>.</summary>
    public const string InvalidLoincCheckDigit = "TERM010";

    /// <summary>A SNOMED CT identifier whose Verhoeff check digit is wrong.</summary>
    public const string InvalidSnomedCheckDigit = "TERM011";

    /// <summary>A status other than <c>confirmed</c>, <c>single-source</c> or <c>unconfirmed</c>.</summary>
    public const string InvalidStatus = "TERM012";

    /// <summary>An analyte with neither a <c>canonicalUnit</c> nor <c>qualitative: true</c> (or with both).</summary>
    public const string InvalidAnalyteUnits = "TERM013";

    /// <summary>An empty text pattern, or one without a letter or digit (it would match almost anything).</summary>
    public const string EmptyTextPattern = "TERM014";

    /// <summary>
    /// A code that cannot be a code of its system: a LOINC code not of the form <c>12345-6</c>, a SNOMED CT id that is
    /// not a concept id, a malformed ICD-10-CM or ATC code, a non-numeric RxNorm code, or a prefix (<c>*</c>) in a
    /// system that does not support prefixes (only ATC and ICD-10-CM do).
    /// </summary>
    public const string InvalidCodeFormat = "TERM015";

    /// <summary>An id that is not lower-case letters and digits separated by single hyphens (<c>b12-total</c>).</summary>
    public const string InvalidId = "TERM016";

    /// <summary>The directory or a file could not be read, or the directory holds no <c>*.yaml</c>/<c>*.yml</c> file.</summary>
    public const string FileUnreadable = "TERM017";

    /// <summary>The same code listed under two analytes: a result could not be told apart.</summary>
    public const string AmbiguousAnalyteCode = "TERM018";

    /// <summary>Warning: a system URI that is none of the known ones (LOINC, SNOMED CT, ICD-10-CM, RxNorm, ATC, HL7 v3 ObservationInterpretation); a local system is allowed, a typo matches nothing.</summary>
    public const string UnknownSystem = "TERM019";

    /// <summary>Warning: a value set or analyte with no codes, no text patterns and no included value sets; it matches nothing.</summary>
    public const string EmptyValueSet = "TERM020";
}
