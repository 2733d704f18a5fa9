using System.Text.Json.Nodes;
using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;
using B12Cds.Fhir.Tests.Support;

namespace B12Cds.Fhir.Tests.Json;

/// <summary>
/// The source-generated metadata names every JSON property; each must be an element of the official schema at that
/// place, with the same cardinality, or a FHIR server would reject what B12 CDS writes (and B12 CDS would never read
/// what it receives). This covers elements that no example or written resource happens to use.
/// </summary>
[Collection(FhirSchemaTestGroup.Name)]
public sealed class FhirJsonContextTests
{
    private readonly FhirSchemaFixture _schema;

    public FhirJsonContextTests(FhirSchemaFixture schema)
    {
        _schema = schema;
    }

    public static TheoryData<string> ModelledResourceTypes { get; } = new()
    {
        "Bundle", "Patient", "Observation", "Condition", "Medication", "MedicationRequest", "MedicationStatement",
        "MedicationAdministration", "Procedure", "AllergyIntolerance", "CarePlan", "ServiceRequest", "RequestGroup",
        "DetectedIssue", "OperationOutcome", "Parameters",
        "PlanDefinition", "Provenance", "CapabilityStatement",
    };

    [Theory]
    [MemberData(nameof(ModelledResourceTypes))]
    public void Properties_OfModelledResourceAndItsParts_AreElementsOfTheOfficialSchemaWithTheSameCardinality(string resourceType)
    {
        // Arrange
        var type = typeof(Resource).Assembly.GetType($"B12Cds.Fhir.Model.{resourceType}", throwOnError: true)!;
        var problems = new List<string>();

        // Act
        Check(type, resourceType, resourceType, problems, []);

        // Assert
        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(ModelledResourceTypes))]
    public void ResourceType_OfModelledType_IsItsFhirName(string resourceType)
    {
        // Arrange
        var type = typeof(Resource).Assembly.GetType($"B12Cds.Fhir.Model.{resourceType}", throwOnError: true)!;

        // Act
        var resource = (Resource)Activator.CreateInstance(type)!;

        // Assert
        Assert.Equal(resourceType, resource.ResourceType);
        Assert.Equal($"{{\"resourceType\":\"{resourceType}\"}}", FhirJson.Serialize(resource));
    }

    private void Check(Type type, string definition, string path, List<string> problems, HashSet<(Type, string)> seen)
    {
        if (!seen.Add((type, definition)))
        {
            return;
        }

        if (_schema.Definitions[definition]?["properties"] is not JsonObject elements)
        {
            problems.Add($"{path}: no schema definition '{definition}'");
            return;
        }

        foreach (var property in FhirJson.Options.GetTypeInfo(type).Properties)
        {
            if (elements[property.Name] is not JsonObject element)
            {
                problems.Add($"{path}.{property.Name}: not an element of {definition}");
                continue;
            }

            var itemType = property.PropertyType;
            var isList = itemType.IsGenericType && itemType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>);
            if (isList)
            {
                itemType = itemType.GetGenericArguments()[0];
            }

            var isArray = element["type"]?.GetValue<string>() == "array";
            if (isList != isArray)
            {
                problems.Add($"{path}.{property.Name}: the model has {(isList ? "a list" : "one value")}, the schema {(isArray ? "an array" : "one value")}");
            }

            var reference = (isArray ? element["items"] : element)?["$ref"]?.GetValue<string>();
            var isModelPart = itemType.IsClass && itemType.Namespace == typeof(Resource).Namespace && !typeof(Resource).IsAssignableFrom(itemType);
            if (isModelPart && reference is not null)
            {
                Check(itemType, reference["#/definitions/".Length..], $"{path}.{property.Name}", problems, seen);
            }
        }
    }
}
