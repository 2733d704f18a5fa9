namespace B12Cds.Fhir.Model;

/// <summary>
/// A knowledge artifact: a set of rules or a protocol (FHIR <c>PlanDefinition</c>). B12 CDS publishes its loaded
/// rule set as one, with an action per rule and the rule's citations as <c>documentation</c>.
/// </summary>
public sealed record PlanDefinition : DomainResource
{
    /// <inheritdoc/>
    protected override string TypeName => "PlanDefinition";

    /// <summary>Gets the canonical URL that identifies the rule set across versions and servers.</summary>
    public string? Url { get; init; }

    public IReadOnlyList<Identifier> Identifier { get; init => field = FhirList.Clean(value); } = [];

    /// <summary>Gets the business version (for B12 CDS: the rule-set version).</summary>
    public string? Version { get; init; }

    /// <summary>Gets the computer-friendly name.</summary>
    public string? Name { get; init; }

    public string? Title { get; init; }

    public string? Subtitle { get; init; }

    /// <summary>Gets the type (http://terminology.hl7.org/CodeSystem/plan-definition-type: order-set, clinical-protocol, eca-rule, workflow-definition).</summary>
    public CodeableConcept? Type { get; init; }

    /// <summary>Gets the status: draft, active, retired or unknown.</summary>
    public string? Status { get; init; }

    public bool? Experimental { get; init; }

    public FhirDateTime? Date { get; init; }

    public string? Publisher { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<UsageContext> UseContext { get; init => field = FhirList.Clean(value); } = [];

    public string? Purpose { get; init; }

    public string? Usage { get; init; }

    public IReadOnlyList<CodeableConcept> Topic { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<RelatedArtifact> RelatedArtifact { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<string> Library { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<PlanDefinitionAction> Action { get; init => field = FhirList.Clean(value); } = [];
}
