using System.Collections.Frozen;

namespace B12Cds.Facts.Terminology;

/// <summary>
/// The code system URIs value sets use (KNOWLEDGE §2), and the alternative spellings (HL7 OIDs) that are read as the
/// same system when matching.
/// </summary>
public static class CodeSystems
{
    /// <summary>LOINC.</summary>
    public const string Loinc = "http://loinc.org";

    /// <summary>SNOMED CT (any edition; the edition goes in <c>Coding.version</c>).</summary>
    public const string SnomedCt = "http://snomed.info/sct";

    /// <summary>ICD-10-CM.</summary>
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";

    /// <summary>RxNorm.</summary>
    public const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";

    /// <summary>WHO ATC.</summary>
    public const string Atc = "http://www.whocc.no/atc";

    /// <summary>HL7 v3 ObservationInterpretation (<c>POS</c>, <c>NEG</c>…).</summary>
    public const string V3ObservationInterpretation = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    private static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["urn:oid:2.16.840.1.113883.6.1"] = Loinc,
        ["urn:oid:2.16.840.1.113883.6.96"] = SnomedCt,
        ["urn:oid:2.16.840.1.113883.6.90"] = Icd10Cm,
        ["urn:oid:2.16.840.1.113883.6.88"] = RxNorm,
        ["urn:oid:2.16.840.1.113883.6.73"] = Atc,
        ["urn:oid:2.16.840.1.113883.5.83"] = V3ObservationInterpretation,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> AliasesBySpan =
        Aliases.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string> Known =
        new[] { Loinc, SnomedCt, Icd10Cm, RxNorm, Atc, V3ObservationInterpretation }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Gets the canonical URI for <paramref name="system"/>: the HL7 OID of a known system becomes its URI; anything else is returned trimmed.</summary>
    public static string Canonical(string system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var trimmed = system.Trim();
        return Aliases.TryGetValue(trimmed, out var canonical) ? canonical : trimmed;
    }

    /// <summary>Gets a value indicating whether <paramref name="system"/> (after <see cref="Canonical(string)"/>) is one of the systems listed here.</summary>
    public static bool IsKnown(string system) => Known.Contains(Canonical(system));

    /// <summary>Gets the canonical system URI as <see cref="Canonical(string)"/> does, without allocating: trimmed, OID aliases replaced.</summary>
    internal static ReadOnlySpan<char> Canonical(ReadOnlySpan<char> system)
    {
        var trimmed = system.Trim();
        return AliasesBySpan.TryGetValue(trimmed, out var canonical) ? canonical : trimmed;
    }

    /// <summary>Gets a value indicating whether codes of the (canonical) system are compared without regard to case, as <see cref="IsCaseInsensitive(string)"/> does.</summary>
    internal static bool IsCaseInsensitive(ReadOnlySpan<char> canonicalSystem) =>
        canonicalSystem.SequenceEqual(Icd10Cm) || canonicalSystem.SequenceEqual(Atc);

    /// <summary>Gets a value indicating whether codes of <paramref name="canonicalSystem"/> compare case-insensitively (ICD-10-CM, ATC).</summary>
    internal static bool IsCaseInsensitive(string canonicalSystem) =>
        string.Equals(canonicalSystem, Icd10Cm, StringComparison.Ordinal) || string.Equals(canonicalSystem, Atc, StringComparison.Ordinal);

    /// <summary>Gets a value indicating whether value sets may list prefix codes (<c>B03BA*</c>) in <paramref name="canonicalSystem"/>.</summary>
    internal static bool SupportsPrefixes(string canonicalSystem) => IsCaseInsensitive(canonicalSystem);

    /// <summary>Normalises a code for comparison: trimmed, and upper case in ICD-10-CM and ATC.</summary>
    internal static string NormalizeCode(string canonicalSystem, string code)
    {
        var trimmed = code.Trim();
        return IsCaseInsensitive(canonicalSystem) ? trimmed.ToUpperInvariant() : trimmed;
    }

    /// <summary>
    /// Normalises a coding's system and code for lookup as <see cref="Canonical(string)"/> and <see cref="NormalizeCode"/>
    /// do, without allocating: false when either is missing or blank. A code that must be upper-cased is written to
    /// <paramref name="buffer"/> when it fits, else to a new string.
    /// </summary>
    internal static bool TryNormalize(string? system, string? code, Span<char> buffer, out ReadOnlySpan<char> canonicalSystem, out ReadOnlySpan<char> normalizedCode)
    {
        if (string.IsNullOrWhiteSpace(system) || string.IsNullOrWhiteSpace(code))
        {
            canonicalSystem = default;
            normalizedCode = default;
            return false;
        }

        canonicalSystem = Canonical(system.AsSpan());
        normalizedCode = code.AsSpan().Trim();
        if (IsCaseInsensitive(canonicalSystem))
        {
            var written = normalizedCode.Length <= buffer.Length ? normalizedCode.ToUpperInvariant(buffer) : -1;
            normalizedCode = written >= 0 ? buffer[..written] : normalizedCode.ToString().ToUpperInvariant();
        }

        return true;
    }
}
