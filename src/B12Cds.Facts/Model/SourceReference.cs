namespace B12Cds.Facts.Model;

/// <summary>
/// Where a fact came from: the FHIR resource (for explanations, <c>supportingInfo</c> and audit) and the element
/// inside the input it was read from.
/// </summary>
/// <param name="ResourceType">The FHIR resource type, e.g. <c>Observation</c>.</param>
/// <param name="Id">The resource id, when it has one.</param>
/// <param name="Reference">A reference another resource can use: <c>Type/id</c>, else the entry's <c>fullUrl</c>, else null.</param>
/// <param name="Path">The FHIRPath-style location in the input, e.g. <c>Bundle.entry[3].resource.component[1]</c>.</param>
public sealed record SourceReference(string ResourceType, string? Id, string? Reference, string Path)
{
    /// <inheritdoc/>
    public override string ToString() => Reference ?? Path;
}
