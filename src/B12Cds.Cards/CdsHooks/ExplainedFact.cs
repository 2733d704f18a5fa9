namespace B12Cds.Cards.CdsHooks;

/// <summary>A fact a rule matched, for people and audit: the name it was bound to, its type, the FHIR resource it came from and a one-line description.</summary>
public sealed record ExplainedFact
{
    /// <summary>Gets the binding (the condition's <c>as:</c> name), if any.</summary>
    public string? Binding { get; init; }

    /// <summary>Gets the fact type, e.g. <c>lab</c> or a derived type.</summary>
    public required string Type { get; init; }

    /// <summary>Gets the FHIR reference of the source (<c>Observation/123</c>), or <c>rule:DX-04</c> for a derived fact.</summary>
    public string? Reference { get; init; }

    /// <summary>Gets where in the input the fact was read, e.g. <c>Bundle.entry[3].resource</c>.</summary>
    public required string Path { get; init; }

    public string? Text { get; init; }
}
