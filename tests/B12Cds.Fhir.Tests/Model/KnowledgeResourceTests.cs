using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;
using B12Cds.Fhir.Tests.Support;

namespace B12Cds.Fhir.Tests.Model;

/// <summary>The write-side resources of the FHIR API (PlanDefinition, Provenance, CapabilityStatement): valid R4 JSON, FHIR-shaped, and read back typed.</summary>
[Collection(FhirSchemaTestGroup.Name)]
public sealed class KnowledgeResourceTests
{
    private static readonly FhirJsonParser Parser = new();
    private readonly FhirSchemaFixture _schema;

    public KnowledgeResourceTests(FhirSchemaFixture schema)
    {
        _schema = schema;
    }

    public static TheoryData<string> Examples { get; } = new() { "PlanDefinition", "Provenance", "CapabilityStatement" };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Serialize_FullyPopulatedExample_ValidatesAgainstTheOfficialSchema(string resourceType)
    {
        // Arrange
        var resource = Example(resourceType);

        // Act
        var json = FhirJson.Serialize(resource);

        // Assert
        Assert.Empty(_schema.Validator.Validate(json));
        Assert.Empty(WrittenJson.ShapeProblems(json));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Parse_WrittenExample_ReadsTheSameTypedResourceWithoutIssues(string resourceType)
    {
        // Arrange
        var json = FhirJson.Serialize(Example(resourceType));

        // Act
        var result = Parser.Parse(json);

        // Assert
        Assert.Empty(result.Issues);
        Assert.Equal(resourceType, result.Resource!.ResourceType);
        Assert.Equal(typeof(Resource).Assembly.GetType($"B12Cds.Fhir.Model.{resourceType}"), result.Resource.GetType());
        Assert.Equal(json, FhirJson.Serialize(result.Resource));
    }

    [Fact]
    public void Parse_SignedProvenance_KeepsTheSignatureWhenWrittenBack()
    {
        // Arrange: the official MedicationRequest examples contain a signed Provenance like this one.
        const string json = """
            {"resourceType":"Provenance","id":"p1","target":[{"reference":"CarePlan/1"}],"recorded":"2026-11-01T09:00:00Z",
             "agent":[{"who":{"display":"B12 CDS"}}],"signature":[{"type":[{"system":"urn:iso-astm:E1762-95:2013","code":"1.2.840.10065.1.12.1.1"}],"when":"2026-11-01T09:00:00Z","who":{"display":"x"}}],
             "entity":[{"role":"source","what":{"reference":"Observation/b12"}}]}
            """;

        // Act
        var result = Parser.Parse(json);

        // Assert
        var provenance = Assert.IsType<Provenance>(result.Resource);
        Assert.Empty(result.Issues);
        Assert.Equal("Observation/b12", Assert.Single(provenance.Entity).What?.ReferenceValue);
        Assert.Equal("1.2.840.10065.1.12.1.1", Assert.Single(Assert.Single(provenance.Signature).Type).Code);
        Assert.Contains("\"signature\":[{\"type\"", FhirJson.Serialize(provenance), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PlanDefinitionOfficialShape_ReadsNestedActionsAndDocumentation()
    {
        // Arrange
        const string json = """
            {"resourceType":"PlanDefinition","id":"pd","url":"http://example.org/PlanDefinition/pd","version":"1.0","status":"active",
             "type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/plan-definition-type","code":"eca-rule"}]},
             "action":[{"title":"Group","action":[{"id":"r1","title":"Rule 1","documentation":[{"type":"citation","label":"S1","url":"https://example.org/s1"}],
               "condition":[{"kind":"applicability","expression":{"language":"text/cql","expression":"true"}}],
               "trigger":[{"type":"named-event","name":"patient-view"}]}]}]}
            """;

        // Act
        var result = Parser.Parse(json);

        // Assert
        var definition = Assert.IsType<PlanDefinition>(result.Resource);
        Assert.Empty(result.Issues);
        var rule = Assert.Single(Assert.Single(definition.Action).Action);
        Assert.Equal("r1", rule.Id);
        Assert.Equal("S1", Assert.Single(rule.Documentation).Label);
        Assert.Equal("applicability", Assert.Single(rule.Condition).Kind);
    }

    private static Resource Example(string resourceType) => resourceType switch
    {
        "PlanDefinition" => new PlanDefinition
        {
            Id = "b12-deficiency",
            Url = "urn:b12cds:plandefinition:b12-deficiency",
            Version = "2026.11.0+ab12cd34",
            Name = "B12DeficiencyRules",
            Title = "Vitamin B12 deficiency",
            Type = new CodeableConcept { Coding = [new Coding { System = "http://terminology.hl7.org/CodeSystem/plan-definition-type", Code = "eca-rule" }] },
            Status = "active",
            Experimental = false,
            Date = FhirDateTime.Parse("2026-11-01T09:00:00Z"),
            Publisher = "B12 CDS",
            Description = "Rules.",
            UseContext =
            [
                new UsageContext
                {
                    Code = new Coding { System = "http://terminology.hl7.org/CodeSystem/usage-context-type", Code = "focus" },
                    ValueCodeableConcept = new CodeableConcept { Text = "Vitamin B12 deficiency" },
                },
            ],
            RelatedArtifact = [new RelatedArtifact { Type = "citation", Label = "S1", Display = "NICE NG239", Url = "https://www.nice.org.uk/guidance/ng239" }],
            Action =
            [
                new PlanDefinitionAction
                {
                    Id = "area-diagnosis",
                    Title = "Diagnosis",
                    Code = [new CodeableConcept { Coding = [new Coding { System = "urn:b12cds:area", Code = "diagnosis" }] }],
                    GroupingBehavior = "logical-group",
                    SelectionBehavior = "any",
                    Action =
                    [
                        new PlanDefinitionAction
                        {
                            Id = "DX-04",
                            Prefix = "DX-04",
                            Title = "Serum B12 below the lower threshold",
                            Documentation = [new RelatedArtifact { Type = "citation", Label = "S1" }],
                            Condition = [new PlanDefinitionActionCondition { Kind = "applicability", Expression = new FhirExpression { Language = "text/cql", Expression = "B12 < 180 'ng/L'" } }],
                        },
                    ],
                },
            ],
        },
        "Provenance" => new Provenance
        {
            Id = "provenance",
            Target = [Reference.To("CarePlan/1"), Reference.To("#rx-1")],
            Recorded = FhirDateTime.Parse("2026-11-01T09:00:00Z"),
            Policy = ["urn:b12cds:plandefinition:b12-deficiency|2026.11.0+ab12cd34"],
            Reason = [new CodeableConcept { Coding = [new Coding { System = "http://terminology.hl7.org/CodeSystem/v3-ActReason", Code = "TREAT" }] }],
            Activity = new CodeableConcept { Coding = [new Coding { System = "http://terminology.hl7.org/CodeSystem/v3-DataOperation", Code = "CREATE" }] },
            Agent =
            [
                new ProvenanceAgent
                {
                    Type = new CodeableConcept { Coding = [new Coding { System = "http://terminology.hl7.org/CodeSystem/provenance-participant-type", Code = "assembler" }] },
                    Who = new Reference { Type = "Device", Identifier = new Identifier { System = "urn:b12cds:device", Value = "b12cds" }, Display = "B12 CDS" },
                },
            ],
            Entity =
            [
                new ProvenanceEntity { Role = "derivation", What = Reference.To("PlanDefinition/b12-deficiency") },
                new ProvenanceEntity { Role = "source", What = new Reference { ReferenceValue = "Observation/b12", Type = "Observation" } },
            ],
        },
        "CapabilityStatement" => new CapabilityStatement
        {
            Id = "b12cds",
            Version = "2026.11.0+ab12cd34",
            Name = "B12Cds",
            Status = "active",
            Date = FhirDateTime.Parse("2026-11-01T09:00:00Z"),
            Kind = "instance",
            Software = new CapabilityStatementSoftware { Name = "B12 CDS", Version = "1.0.0" },
            Implementation = new CapabilityStatementImplementation { Description = "B12 CDS", Url = "https://cds.example.org/fhir" },
            FhirVersion = "4.0.1",
            Format = ["application/fhir+json", "json"],
            Rest =
            [
                new CapabilityStatementRest
                {
                    Mode = "server",
                    Resource =
                    [
                        new CapabilityStatementResource
                        {
                            Type = "PlanDefinition",
                            Interaction = [new CapabilityStatementInteraction { Code = "read" }, new CapabilityStatementInteraction { Code = "search-type" }],
                            SearchParam = [new CapabilityStatementSearchParam { Name = "url", Type = "uri" }],
                            Operation = [new CapabilityStatementOperation { Name = "apply", Definition = "http://hl7.org/fhir/OperationDefinition/PlanDefinition-apply" }],
                        },
                    ],
                },
            ],
        },
        _ => throw new ArgumentOutOfRangeException(nameof(resourceType)),
    };
}
