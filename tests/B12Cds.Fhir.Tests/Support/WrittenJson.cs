using System.Text.Json;

namespace B12Cds.Fhir.Tests.Support;

/// <summary>Checks the shape FHIR JSON must have that a schema does not check: no empty arrays, no nulls, resourceType first.</summary>
internal static class WrittenJson
{
    /// <summary>Gets every place where <paramref name="json"/> breaks the FHIR JSON shape rules, as readable paths.</summary>
    /// <param name="json">The JSON written.</param>
    /// <param name="resourceTypeFirst">Whether to require <c>resourceType</c> to be the first property of every resource.</param>
    public static IReadOnlyList<string> ShapeProblems(string json, bool resourceTypeFirst = true)
    {
        using var document = JsonDocument.Parse(json);
        var problems = new List<string>();
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            problems.Add("$: the root is not an object");
            return problems;
        }

        if (!document.RootElement.TryGetProperty("resourceType", out _))
        {
            problems.Add("$: no resourceType");
        }

        Walk(document.RootElement, "$", resourceTypeFirst, problems);
        return problems;
    }

    /// <summary>Gets the string value of a top-level property of written JSON, decoded (the writer may escape characters such as '+').</summary>
    public static string? TopLevelString(string json, string property)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty(property, out var value) ? value.GetString() : null;
    }

    private static void Walk(JsonElement element, string path, bool resourceTypeFirst, List<string> problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                problems.Add($"{path}: null");
                break;
            case JsonValueKind.Array:
                if (element.GetArrayLength() == 0)
                {
                    problems.Add($"{path}: empty array");
                }

                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{i++}]", resourceTypeFirst, problems);
                }

                break;
            case JsonValueKind.Object:
                var first = true;
                foreach (var property in element.EnumerateObject())
                {
                    if (resourceTypeFirst && property.NameEquals("resourceType") && !first)
                    {
                        problems.Add($"{path}: resourceType is not the first property");
                    }

                    first = false;
                    Walk(property.Value, $"{path}.{property.Name}", resourceTypeFirst, problems);
                }

                if (first)
                {
                    problems.Add($"{path}: empty object");
                }

                break;
        }
    }
}
