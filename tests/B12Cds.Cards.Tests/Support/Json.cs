using System.Text.Json;
using System.Text.Json.Nodes;
using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;

namespace B12Cds.Cards.Tests.Support;

/// <summary>JSON helpers for assertions.</summary>
internal static class Json
{
    /// <summary>Parses a FHIR resource as written by the FHIR layer.</summary>
    public static JsonNode Of(Resource resource) => JsonNode.Parse(FhirJson.Serialize(resource))!;

    /// <summary>Asserts two JSON texts are the same JSON (property order within objects ignored).</summary>
    public static void Equal(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"Expected {expected}{Environment.NewLine}but was {actual?.ToJsonString()}");

    /// <summary>Gets every place in a JSON document that is null or an empty array or object, as paths.</summary>
    public static IReadOnlyList<string> NullsAndEmpties(JsonElement element, string path = "$")
    {
        var found = new List<string>();
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                found.Add(path);
                break;
            case JsonValueKind.Array:
                if (element.GetArrayLength() == 0)
                {
                    found.Add(path);
                }

                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    found.AddRange(NullsAndEmpties(item, $"{path}[{i++}]"));
                }

                break;
            case JsonValueKind.Object:
                if (!element.EnumerateObject().Any())
                {
                    found.Add(path);
                }

                foreach (var p in element.EnumerateObject())
                {
                    found.AddRange(NullsAndEmpties(p.Value, $"{path}.{p.Name}"));
                }

                break;
        }

        return found;
    }
}
