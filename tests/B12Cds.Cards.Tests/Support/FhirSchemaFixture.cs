using System.Text.Json.Nodes;

namespace B12Cds.Cards.Tests.Support;

/// <summary>
/// The official FHIR R4 JSON Schema for the tests in <see cref="FhirSchemaTestGroup"/>, loaded once per test run (the
/// validator itself is shared by every test project: <see cref="FhirSchemaValidator"/>).
/// </summary>
public sealed class FhirSchemaFixture : IAsyncLifetime
{
    private FhirSchemaValidator? _validator;

    /// <summary>Gets the loaded validator.</summary>
    public FhirSchemaValidator Validator => _validator ?? throw new InvalidOperationException("The schema is not loaded.");

    /// <summary>Gets the number of <c>const</c> keywords rewritten to <c>enum</c> (one per resource type).</summary>
    public int ConstRewrites => Validator.ConstRewrites;

    /// <summary>Gets the schema's <c>definitions</c>.</summary>
    public JsonObject Definitions => Validator.Definitions;

    public async Task InitializeAsync() => _validator = await FhirSchemaValidator.LoadAsync(TestData.SchemaPath);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Validates FHIR JSON; the errors as readable lines.</summary>
    public IReadOnlyList<string> Validate(string json) => Validator.Validate(json);

    /// <summary>Validates FHIR JSON as one document.</summary>
    public IReadOnlyList<string> ValidateWhole(string json) => Validator.ValidateWhole(json);
}
