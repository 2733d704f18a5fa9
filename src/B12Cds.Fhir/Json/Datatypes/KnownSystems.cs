namespace B12Cds.Fhir.Json.Datatypes;

/// <summary>
/// The code system URIs nearly every coding and quantity of a patient bundle names (a 50-resource bundle has some
/// 260 <c>system</c> values, of a dozen URIs, each 16 to 65 characters): read as one shared string each instead of
/// a new one every time. Only the text is shared; any other URI is read as usual.
/// </summary>
internal static class KnownSystems
{
    private static readonly string[] Uris =
    [
        "http://unitsofmeasure.org",
        "http://loinc.org",
        "http://snomed.info/sct",
        "http://www.nlm.nih.gov/research/umls/rxnorm",
        "http://www.whocc.no/atc",
        "http://hl7.org/fhir/sid/icd-10-cm",
        "http://hl7.org/fhir/sid/icd-10",
        "http://hl7.org/fhir/sid/ndc",
        "http://hl7.org/fhir/sid/cvx",
        "http://terminology.hl7.org/CodeSystem/observation-category",
        "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
        "http://terminology.hl7.org/CodeSystem/condition-clinical",
        "http://terminology.hl7.org/CodeSystem/condition-ver-status",
        "http://terminology.hl7.org/CodeSystem/condition-category",
        "http://terminology.hl7.org/CodeSystem/dose-rate-type",
        "http://terminology.hl7.org/CodeSystem/medicationrequest-category",
        "http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy",
        "http://terminology.hl7.org/CodeSystem/medication-statement-category",
        "http://terminology.hl7.org/CodeSystem/medication-admin-category",
        "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
        "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification",
        "http://terminology.hl7.org/CodeSystem/data-absent-reason",
        "http://terminology.hl7.org/CodeSystem/v3-ActCode",
        "http://terminology.hl7.org/CodeSystem/v3-NullFlavor",
        "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation",
        "http://terminology.hl7.org/CodeSystem/v3-RoleCode",
        "http://terminology.hl7.org/CodeSystem/v2-0203",
        "http://terminology.hl7.org/CodeSystem/v2-0074",
        "urn:ietf:bcp:47",
    ];

    private static readonly ElementTable Table = ElementTable.Of(Uris);

    /// <summary>Gets the shared string for a known URI given as UTF-8 (unescaped), or null for any other.</summary>
    public static string? Find(ReadOnlySpan<byte> utf8)
    {
        var index = Table.Find(utf8);
        return index < 0 ? null : Uris[index];
    }
}
