namespace B12Cds.Rules.Scenarios;

/// <summary>A fact a firing matched, as the trace shows it.</summary>
/// <param name="Binding">The name the rule bound it to (<c>as: b12</c>), or null.</param>
/// <param name="FactType">The fact type, e.g. <c>lab</c>.</param>
/// <param name="Description">The fact in one line.</param>
/// <param name="SourcePath">Where in the input it was read, e.g. <c>Bundle.entry[3].resource</c> (for a derived fact, the rule that derived it).</param>
/// <param name="Reference">The resource's reference (<c>Observation/123</c>), when it has one.</param>
public sealed record TraceFact(string? Binding, string FactType, string Description, string SourcePath, string? Reference);
