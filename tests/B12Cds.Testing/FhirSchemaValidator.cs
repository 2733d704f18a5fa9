using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace B12Cds.Testing;

/// <summary>
/// The official FHIR R4 4.0.1 JSON Schema, loaded once (about 1.5 s) and validating in milliseconds after that.
/// NJsonSchema ignores the draft-06 <c>const</c> keyword, which pins <c>resourceType</c> in each branch of the
/// schema's top-level <c>oneOf</c>; without a fix every object would match every resource type, so every
/// <c>{"const": X}</c> is rewritten to <c>{"enum": [X]}</c> before the schema is built.
/// </summary>
public sealed class FhirSchemaValidator
{
    private readonly JsonSchema _schema;

    private FhirSchemaValidator(JsonSchema schema, JsonObject definitions, int constRewrites)
    {
        _schema = schema;
        Definitions = definitions;
        ConstRewrites = constRewrites;
    }

    /// <summary>Gets the number of <c>const</c> keywords rewritten to <c>enum</c> (one per resource type).</summary>
    public int ConstRewrites { get; }

    /// <summary>Gets the schema's <c>definitions</c>: one per resource type, backbone element and datatype.</summary>
    public JsonObject Definitions { get; }

    /// <summary>Loads the schema file.</summary>
    public static async Task<FhirSchemaValidator> LoadAsync(string schemaPath)
    {
        var root = JsonNode.Parse(await File.ReadAllTextAsync(schemaPath).ConfigureAwait(false))!;
        var rewrites = ReplaceConstWithEnum(root);
        var definitions = root["definitions"]!.AsObject();
        var schema = await JsonSchema.FromJsonAsync(root.ToJsonString()).ConfigureAwait(false);
        return new FhirSchemaValidator(schema, definitions, rewrites);
    }

    /// <summary>
    /// Validates FHIR JSON and gets the errors as readable lines (for a failed <c>oneOf</c>, only those of the
    /// resource's own branch). Contained resources are validated one by one as resources, then the container without
    /// them: the schema validates <c>contained</c> items against the same <c>oneOf</c> as the top level, so this is the
    /// same check without NJsonSchema re-validating every contained resource inside each failing branch (seconds per
    /// CarePlan).
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
    public IReadOnlyList<string> ValidateWhole(string json) => _schema.Validate(json).SelectMany(Describe).ToList();

    private static IEnumerable<string> Describe(ValidationError error)
    {
        if (error is ChildSchemaValidationError child)
        {
            var ownBranch = child.Errors.Values
                .Where(branch => !branch.Any(IsOtherResourceType))
                .SelectMany(branch => branch.SelectMany(Describe))
                .ToList();
            if (ownBranch.Count > 0)
            {
                return ownBranch;
            }
        }

        return [$"{error.Kind} at {error.Path}"];
    }

    private static bool IsOtherResourceType(ValidationError error) =>
        error.Kind == ValidationErrorKind.NotInEnumeration && error.Property == "resourceType";

    private static int ReplaceConstWithEnum(JsonNode? node)
    {
        var count = 0;
        switch (node)
        {
            case JsonObject obj:
                if (obj["const"] is { } value)
                {
                    obj.Remove("const");
                    obj["enum"] = new JsonArray(value.DeepClone());
                    count++;
                }

                foreach (var (_, child) in obj.ToList())
                {
                    count += ReplaceConstWithEnum(child);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    count += ReplaceConstWithEnum(item);
                }

                break;
        }

        return count;
    }
}
