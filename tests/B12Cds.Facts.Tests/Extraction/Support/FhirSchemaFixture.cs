using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace B12Cds.Facts.Tests.Extraction.Support;

/// <summary>
/// The official FHIR R4 4.0.1 JSON Schema (linked from B12Cds.Fhir.Tests/TestData), loaded once per test run.
/// NJsonSchema ignores the draft-06 <c>const</c> keyword that pins <c>resourceType</c> in each branch of the schema's
/// top-level <c>oneOf</c>, so every <c>{"const": X}</c> is rewritten to <c>{"enum": [X]}</c> before the schema is built.
/// </summary>
public sealed class FhirSchemaFixture : IAsyncLifetime
{
    private JsonSchema? _schema;

    /// <summary>Gets the number of <c>const</c> keywords rewritten (one per resource type).</summary>
    public int ConstRewrites { get; private set; }

    public async Task InitializeAsync()
    {
        var root = JsonNode.Parse(await File.ReadAllTextAsync(SampleFiles.SchemaPath))!;
        ConstRewrites = ReplaceConstWithEnum(root);
        _schema = await JsonSchema.FromJsonAsync(root.ToJsonString());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Validates FHIR JSON; for the resource-type <c>oneOf</c>, only the errors of the resource's own branch are kept.</summary>
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

/// <summary>The test classes that validate against the official schema share one loaded schema.</summary>
[CollectionDefinition(Name)]
public sealed class FhirSchemaTestGroup : ICollectionFixture<FhirSchemaFixture>
{
    public const string Name = "Official FHIR R4 JSON Schema (samples)";
}
