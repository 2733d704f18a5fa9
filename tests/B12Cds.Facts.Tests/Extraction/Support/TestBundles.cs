using System.Text;

namespace B12Cds.Facts.Tests.Extraction.Support;

/// <summary>Small FHIR R4 JSON inputs written inline: a default patient, and Bundles around resources.</summary>
internal static class TestBundles
{
    /// <summary>The evaluation time every extraction test uses (the samples' evaluation date).</summary>
    public static readonly DateTimeOffset AsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The id of the default patient.</summary>
    public const string PatientId = "p1";

    /// <summary>A reference to the default patient, as resources in these bundles write it.</summary>
    public const string Subject = """{ "reference": "Patient/p1" }""";

    /// <summary>A 56-year-old woman (born 1970-05-01).</summary>
    public const string Patient = """{ "resourceType": "Patient", "id": "p1", "gender": "female", "birthDate": "1970-05-01" }""";

    /// <summary>An effective time two weeks before <see cref="AsOf"/>.</summary>
    public const string Effective = "2026-10-18T10:45:00+01:00";

    /// <summary>A collection Bundle of the resources, in order, without fullUrls.</summary>
    public static string Bundle(params string[] resources) =>
        BundleWithFullUrls(resources.Select(r => ((string?)null, r)).ToArray());

    /// <summary>A collection Bundle of the default patient (entry 0) followed by the resources.</summary>
    public static string WithPatient(params string[] resources) => Bundle([Patient, .. resources]);

    /// <summary>A collection Bundle whose entries have the given fullUrls (null for none).</summary>
    public static string BundleWithFullUrls(params (string? FullUrl, string Resource)[] entries)
    {
        var sb = new StringBuilder();
        sb.Append("""{ "resourceType": "Bundle", "type": "collection", "entry": [""");
        for (var i = 0; i < entries.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append('{');
            if (entries[i].FullUrl is { } fullUrl)
            {
                sb.Append($"\"fullUrl\": \"{fullUrl}\", ");
            }

            sb.Append($"\"resource\": {entries[i].Resource} }}");
        }

        sb.Append("] }");
        return sb.ToString();
    }

    /// <summary>A final laboratory Observation about the default patient, coded with one LOINC code.</summary>
    /// <param name="id">The resource id.</param>
    /// <param name="loinc">The LOINC code.</param>
    /// <param name="value">The value element(s) and anything else, as JSON members (e.g. <c>"valueQuantity": {...}</c>), or empty.</param>
    /// <param name="status">The Observation status.</param>
    public static string Lab(string id, string loinc, string value, string status = "final") => $$"""
        {
          "resourceType": "Observation", "id": "{{id}}", "status": "{{status}}",
          "category": [ { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory" } ] } ],
          "code": { "coding": [ { "system": "http://loinc.org", "code": "{{loinc}}" } ] },
          "subject": {{Subject}},
          "effectiveDateTime": "{{Effective}}"{{(value.Length == 0 ? string.Empty : ", " + value)}}
        }
        """;

    /// <summary>A UCUM <c>valueQuantity</c> member.</summary>
    public static string Quantity(string value, string unit) =>
        $$"""
        "valueQuantity": { "value": {{value}}, "unit": "{{unit}}", "system": "http://unitsofmeasure.org", "code": "{{unit}}" }
        """;
}
