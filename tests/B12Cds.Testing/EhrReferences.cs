using System.Text.Json.Nodes;

namespace B12Cds.Testing;

/// <summary>
/// Turns sample-bundle resources into what an EHR's FHIR API returns: the samples reference each other by
/// <c>urn:uuid:</c> fullUrls (one transaction-style Bundle), while a search or read answers with relative
/// <c>Type/id</c> references and absolute fullUrls.
/// </summary>
public static class EhrReferences
{
    /// <summary>The FHIR base the stand-in EHR serves resources from.</summary>
    public const string EhrBase = "https://ehr.example.org/fhir/";

    /// <summary>Replaces every <c>reference</c> in <paramref name="node"/> that <paramref name="relative"/> maps (urn:uuid → Type/id).</summary>
    public static void Rewrite(JsonNode node, IReadOnlyDictionary<string, string> relative)
    {
        ArgumentNullException.ThrowIfNull(relative);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (name == "reference" && value is JsonValue v && v.TryGetValue<string>(out var text) && relative.TryGetValue(text, out var replacement))
                    {
                        obj[name] = replacement;
                    }
                    else if (value is not null)
                    {
                        Rewrite(value, relative);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.OfType<JsonNode>())
                {
                    Rewrite(item, relative);
                }

                break;
        }
    }
}
