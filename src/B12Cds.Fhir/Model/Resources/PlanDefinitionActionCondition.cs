namespace B12Cds.Fhir.Model;

/// <summary>When an action applies (FHIR <c>PlanDefinition.action.condition</c>).</summary>
public sealed record PlanDefinitionActionCondition
{
    /// <summary>Gets the kind: applicability, start or stop.</summary>
    public string? Kind { get; init; }

    public FhirExpression? Expression { get; init; }
}
