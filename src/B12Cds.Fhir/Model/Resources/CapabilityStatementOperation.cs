namespace B12Cds.Fhir.Model;

/// <summary>An operation a server supports, e.g. <c>apply</c> (FHIR <c>CapabilityStatement.rest.resource.operation</c>).</summary>
public sealed record CapabilityStatementOperation
{
    /// <summary>Gets the name used in the URL, without the <c>$</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the canonical URL of the OperationDefinition.</summary>
    public string? Definition { get; init; }

    public string? Documentation { get; init; }
}
