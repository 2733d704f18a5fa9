namespace B12Cds.Facts.Extraction;

/// <summary>Stable ids of the problems and skips reported while turning FHIR into facts. They never change meaning.</summary>
public static class FactIssueIds
{
    /// <summary>A quantity has no unit, so it cannot be compared with any threshold.</summary>
    public const string UnitMissing = "FACT001";

    /// <summary>A quantity's unit is not a unit we know, or cannot be converted to the analyte's unit.</summary>
    public const string UnitNotConvertible = "FACT002";

    /// <summary>A result or administration has no date, so it cannot be placed in time; skipped.</summary>
    public const string NoDate = "FACT003";

    /// <summary>A reference resolves to nothing in the input.</summary>
    public const string UnresolvedReference = "FACT004";

    /// <summary>A resource is about a different patient than the one evaluated; skipped.</summary>
    public const string OtherPatient = "FACT005";

    /// <summary>A resource is entered-in-error, cancelled, refuted, not done or similar; skipped.</summary>
    public const string ExcludedStatus = "FACT006";

    /// <summary>A resource whose codes and text match no value set; not a B12 fact.</summary>
    public const string NotRelevant = "FACT007";

    /// <summary>The input has no Patient resource: age and sex are unknown.</summary>
    public const string NoPatient = "FACT008";

    /// <summary>A result has no value (dataAbsentReason, or no value element).</summary>
    public const string ValueMissing = "FACT009";

    /// <summary>The input has more than one Patient; the first is evaluated.</summary>
    public const string SeveralPatients = "FACT010";

    /// <summary>A numeric value is out of any plausible range (beyond decimal range).</summary>
    public const string ValueOutOfRange = "FACT011";

    /// <summary>A finding is recorded as absent (value false or negative); not a fact.</summary>
    public const string RecordedAbsent = "FACT012";
}
