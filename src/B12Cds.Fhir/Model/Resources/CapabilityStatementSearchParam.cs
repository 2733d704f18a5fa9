namespace B12Cds.Fhir.Model;

/// <summary>A search parameter a server supports (FHIR <c>CapabilityStatement.rest.resource.searchParam</c>).</summary>
public sealed record CapabilityStatementSearchParam
{
    public string? Name { get; init; }

    public string? Definition { get; init; }

    /// <summary>Gets the type: number, date, string, token, reference, composite, quantity, uri or special.</summary>
    public string? Type { get; init; }

    public string? Documentation { get; init; }
}
