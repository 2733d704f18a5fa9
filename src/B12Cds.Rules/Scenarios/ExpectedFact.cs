using B12Cds.Rules.Engine;

namespace B12Cds.Rules.Scenarios;

/// <summary>
/// A derived fact a scenario expects: of this type, satisfying a <c>where</c> expression (compiled against the type's
/// fields, like a rule condition) and/or having fields equal to the values given (compared as text).
/// </summary>
public sealed record ExpectedFact
{
    /// <summary>Gets the derived fact type, e.g. <c>b12-status</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Gets the <c>where</c> expression as written, if any.</summary>
    public string? WhereText { get; init; }

    /// <summary>Gets the fields that must have these values (compared as text, case-insensitively).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; init => field = value ?? []; } = [];

    /// <summary>Gets the compiled <c>where</c>, evaluated with the candidate fact in slot 0.</summary>
    internal Evaluator? Where { get; init; }

    /// <summary>Describes the expectation in words, e.g. <c>a b12-status fact with state: deficient</c>.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Fields.Count > 0)
        {
            parts.Add("with " + string.Join(", ", Fields.Select(f => $"{f.Key}: {f.Value}")));
        }

        if (WhereText is not null)
        {
            parts.Add($"where {WhereText}");
        }

        return $"a {Type} fact{(parts.Count == 0 ? string.Empty : " " + string.Join(" and ", parts))}";
    }
}
