namespace B12Cds.Fhir.Model;

/// <summary>When an action applies (FHIR <c>RequestGroup.action.condition</c>).</summary>
public sealed record RequestGroupActionCondition
{
    /// <summary>Gets the kind: applicability, start or stop.</summary>
    public string? Kind { get; init; }

    public FhirExpression? Expression { get; init; }
}
