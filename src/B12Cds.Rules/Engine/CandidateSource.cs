namespace B12Cds.Rules.Engine;

/// <summary>
/// Where a pattern's candidate facts come from: a fact type and the value sets the pattern names (any of them; all
/// facts of the type when none). Patterns naming the same ones share one instance, interned by their fact type when
/// the rules load, so working memory finds their candidates by reference, once per evaluation, without hashing names.
/// </summary>
internal sealed class CandidateSource
{
    public CandidateSource(string type, IReadOnlyList<string> valueSets)
    {
        Type = type;
        ValueSets = valueSets;
    }

    /// <summary>Gets the fact type's name.</summary>
    public string Type { get; }

    /// <summary>Gets the value sets, in the order the pattern names them.</summary>
    public IReadOnlyList<string> ValueSets { get; }
}
