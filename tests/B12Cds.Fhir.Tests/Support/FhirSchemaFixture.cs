using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace B12Cds.Fhir.Tests.Support;

/// <summary>
/// The official FHIR R4 4.0.1 JSON Schema (TestData/fhir.schema.json), loaded once per test run: about 1.5 s to load,
/// milliseconds per small resource after that. Shared by every test class in <see cref="FhirSchemaTestGroup"/>.
/// </summary>
/// <remarks>
/// NJsonSchema ignores the draft-06 <c>const</c> keyword, which is what pins <c>resourceType</c> in each branch of the
/// schema's top-level <c>oneOf</c>; without a fix every object would match every resource type. So every
/// <c>{"const": X}</c> is rewritten to <c>{"enum": [X]}</c> before the schema is built.
/// </remarks>
public sealed class FhirSchemaFixture : IAsyncLifetime
{
    private JsonSchema? _schema;
    private JsonObject? _definitions;

    /// <summary>Gets the number of <c>const</c> keywords rewritten to <c>enum</c> (one per resource type).</summary>
    public int ConstRewrites { get; private set; }

    /// <summary>Gets the schema's <c>definitions</c>: one per resource type, backbone element and datatype.</summary>
    public JsonObject Definitions => _definitions ?? throw new InvalidOperationException("The schema is not loaded.");

    public async Task InitializeAsync()
    {
        var root = JsonNode.Parse(await File.ReadAllTextAsync(TestFiles.SchemaPath))!;
        ConstRewrites = ReplaceConstWithEnum(root);
        _definitions = root["definitions"]!.AsObject();
        _schema = await JsonSchema.FromJsonAsync(root.ToJsonString());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// Validates FHIR JSON and gets the errors as readable lines. Where the schema's <c>oneOf</c> over resource types
    /// fails, only the errors of the branch for the resource's own type are kept (the other 145 branches fail on
    /// <c>resourceType</c> and would only bury the real problem).
    /// </summary>
    public IReadOnlyList<string> Validate(string json)
    {
        var schema = _schema ?? throw new InvalidOperationException("The schema is not loaded.");
        return schema.Validate(json).SelectMany(Describe).ToList();
    }

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

/// <summary>The test classes that validate against the official schema: they share one loaded schema and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class FhirSchemaTestGroup : ICollectionFixture<FhirSchemaFixture>
{
    public const string Name = "Official FHIR R4 JSON Schema";
}
