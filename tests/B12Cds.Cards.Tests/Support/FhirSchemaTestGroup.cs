namespace B12Cds.Cards.Tests.Support;

/// <summary>The test classes that validate against the official schema: they share one loaded schema.</summary>
[CollectionDefinition(Name)]
public sealed class FhirSchemaTestGroup : ICollectionFixture<FhirSchemaFixture>
{
    public const string Name = "Official FHIR R4 JSON Schema";
}
