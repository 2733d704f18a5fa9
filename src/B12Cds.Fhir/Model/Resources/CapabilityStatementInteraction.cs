namespace B12Cds.Fhir.Model;

/// <summary>One RESTful interaction, e.g. <c>read</c> or <c>search-type</c> (FHIR <c>CapabilityStatement.rest.resource.interaction</c>).</summary>
public sealed record CapabilityStatementInteraction
{
    public string? Code { get; init; }

    public string? Documentation { get; init; }
}
