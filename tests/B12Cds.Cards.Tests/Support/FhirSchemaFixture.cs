using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace B12Cds.Cards.Tests.Support;

/// <summary>
/// The official FHIR R4 4.0.1 JSON Schema (linked from B12Cds.Fhir.Tests/TestData), loaded once for the tests that
/// validate what B12 CDS writes. NJsonSchema ignores draft-06 <c>const</c>, which pins <c>resourceType</c> in each
/// branch of the top-level <c>oneOf</c>, so every <c>{"const": X}</c> is rewritten to <c>{"enum": [X]}</c> first.
/// </summary>
public sealed class FhirSchemaFixture : IAsyncLifetime
{
    private JsonSchema? _schema;

    public async Task InitializeAsync()
    {
        var root = JsonNode.Parse(await File.ReadAllTextAsync(TestData.SchemaPath))!;
        ReplaceConstWithEnum(root);
        _schema = await JsonSchema.FromJsonAsync(root.ToJsonString());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// Validates FHIR JSON and gets the errors as readable lines (for a failed <c>oneOf</c>, only those of the resource's
    /// own branch). Contained resources are validated one by one as resources, then the container without them: the
    /// schema validates <c>contained</c> items against <c>ResourceList</c>, the same <c>oneOf</c> as the top level, so
    /// this is the same check, without NJsonSchema re-validating every contained resource inside each of the 146
    /// failing top-level branches (seconds per CarePlan).
    /// </summary>
    public IReadOnlyList<string> Validate(string json)
    {
        if (JsonNode.Parse(json) is not JsonObject root || root["contained"] is not JsonArray contained)
        {
            return ValidateWhole(json);
        }

        var errors = new List<string>();
        for (var i = 0; i < contained.Count; i++)
        {
            errors.AddRange(ValidateWhole(contained[i]!.ToJsonString()).Select(e => $"contained[{i}]: {e}"));
        }

        root.Remove("contained");
        errors.AddRange(ValidateWhole(root.ToJsonString()));
        return errors;
    }

    /// <summary>Validates FHIR JSON as one document (slow for resources with contained resources).</summary>
    public IReadOnlyList<string> ValidateWhole(string json)
    {
        var schema = _schema ?? throw new InvalidOperationException("The schema is not loaded.");
        return schema.Validate(json).SelectMany(Describe).ToList();
    }

    private static IEnumerable<string> Describe(ValidationError error)
    {
        if (error is ChildSchemaValidationError child)
        {
            var ownBranch = child.Errors.Values
                .Where(branch => !branch.Any(e => e.Kind == ValidationErrorKind.NotInEnumeration && e.Property == "resourceType"))
                .SelectMany(branch => branch.SelectMany(Describe))
                .ToList();
            if (ownBranch.Count > 0)
            {
                return ownBranch;
            }
        }

        return [$"{error.Kind} at {error.Path}"];
    }

    private static void ReplaceConstWithEnum(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["const"] is { } value)
                {
                    obj.Remove("const");
                    obj["enum"] = new JsonArray(value.DeepClone());
                }

                foreach (var (_, child) in obj.ToList())
                {
                    ReplaceConstWithEnum(child);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    ReplaceConstWithEnum(item);
                }

                break;
        }
    }
}
