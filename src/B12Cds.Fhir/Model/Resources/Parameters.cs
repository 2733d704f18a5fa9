namespace B12Cds.Fhir.Model;

/// <summary>Operation inputs and outputs (FHIR <c>Parameters</c>), e.g. for <c>PlanDefinition/$apply</c>.</summary>
public sealed record Parameters : Resource
{
    /// <inheritdoc/>
    protected override string TypeName => "Parameters";

    public IReadOnlyList<ParametersParameter> Parameter { get; init => field = FhirList.Clean(value); } = [];
}
