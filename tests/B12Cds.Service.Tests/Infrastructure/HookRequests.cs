using System.Text.Json.Nodes;

namespace B12Cds.Service.Tests.Infrastructure;

/// <summary>Builds CDS Hooks requests from the sample bundles in fhir-samples/, the way an EHR fills prefetch.</summary>
public static class HookRequests
{
    /// <summary>The prefetch keys the service declares, with the resource type each holds.</summary>
    public static IReadOnlyDictionary<string, string> Keys { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["patient"] = "Patient",
        ["labs"] = "Observation",
        ["conditions"] = "Condition",
        ["medicationRequests"] = "MedicationRequest",
        ["medicationStatements"] = "MedicationStatement",
        ["medicationAdministrations"] = "MedicationAdministration",
        ["procedures"] = "Procedure",
        ["allergies"] = "AllergyIntolerance",
        ["findings"] = "Observation",
    };

    /// <summary>
    /// Reads a sample bundle's entries as an EHR's FHIR API returns them: each <c>urn:uuid:</c> reference between
    /// entries becomes the relative <c>Type/id</c> reference, and each fullUrl the resource's absolute URL.
    /// </summary>
    public static IReadOnlyList<JsonObject> Entries(string sample)
    {
        var bundle = JsonNode.Parse(File.ReadAllText(RepoPaths.Sample(sample)))!.AsObject();
        var entries = bundle["entry"]!.AsArray().Select(e => e!.AsObject()).ToList();
        var relative = entries
            .Where(e => ((string?)e["fullUrl"])?.StartsWith("urn:uuid:", StringComparison.Ordinal) == true)
            .ToDictionary(e => (string)e["fullUrl"]!, e => $"{e["resource"]!["resourceType"]}/{e["resource"]!["id"]}", StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            EhrReferences.Rewrite(entry["resource"]!, relative);
            entry["fullUrl"] = EhrReferences.EhrBase + $"{entry["resource"]!["resourceType"]}/{entry["resource"]!["id"]}";
        }

        return entries;
    }

    /// <summary>Reads a sample bundle's resources.</summary>
    public static IReadOnlyList<JsonObject> Resources(string sample) => [.. Entries(sample).Select(e => e["resource"]!.AsObject())];

    /// <summary>The id of a sample's patient.</summary>
    public static string PatientId(string sample) =>
        Resources(sample).Single(r => (string?)r["resourceType"] == "Patient")["id"]!.GetValue<string>();

    /// <summary>
    /// A request for <paramref name="hook"/> with every key prefetched from <paramref name="sample"/> (searchset
    /// Bundles; the Patient as the resource itself; keys with nothing as null), minus <paramref name="omit"/>.
    /// </summary>
    public static JsonObject FromSample(string sample, string hook = "patient-view", string? hookInstance = null, params string[] omit)
    {
        var entries = Entries(sample);
        var patientId = PatientId(sample);
        var prefetch = new JsonObject();
        foreach (var (key, type) in Keys)
        {
            if (omit.Contains(key))
            {
                continue;
            }

            var matching = entries.Where(e => (string?)e["resource"]!["resourceType"] == type).ToList();
            prefetch[key] = key == "patient"
                ? matching.SingleOrDefault()?["resource"]!.DeepClone()
                : matching.Count == 0 ? null : SearchSet(matching);
        }

        var context = new JsonObject { ["userId"] = "Practitioner/example", ["patientId"] = patientId };
        if (hook is "order-select" or "order-sign")
        {
            context["draftOrders"] = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "collection", ["entry"] = new JsonArray() };
            if (hook == "order-select")
            {
                context["selections"] = new JsonArray();
            }
        }

        return new JsonObject
        {
            ["hook"] = hook,
            ["hookInstance"] = hookInstance ?? Guid.NewGuid().ToString(),
            ["context"] = context,
            ["prefetch"] = prefetch,
        };
    }

    /// <summary>A searchset Bundle of <paramref name="entries"/> (each keeps its fullUrl, as a FHIR server's search does).</summary>
    public static JsonObject SearchSet(IEnumerable<JsonObject> entries) => new()
    {
        ["resourceType"] = "Bundle",
        ["type"] = "searchset",
        ["entry"] = new JsonArray(
        [
            .. entries.Select(e => (JsonNode)new JsonObject
            {
                ["fullUrl"] = e["fullUrl"]?.DeepClone(),
                ["resource"] = e["resource"]!.DeepClone(),
                ["search"] = new JsonObject { ["mode"] = "match" },
            }),
        ]),
    };
}
