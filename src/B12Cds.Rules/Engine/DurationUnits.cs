namespace B12Cds.Rules.Engine;

/// <summary>The words rule files use for lengths of time (<c>180 days</c>, <c>3 months</c>), mapped to UCUM units of time.</summary>
internal static class DurationUnits
{
    private static readonly Dictionary<string, string> ByWord = new(StringComparer.Ordinal)
    {
        ["day"] = "d", ["days"] = "d", ["d"] = "d",
        ["week"] = "wk", ["weeks"] = "wk", ["wk"] = "wk",
        ["month"] = "mo", ["months"] = "mo", ["mo"] = "mo",
        ["year"] = "a", ["years"] = "a", ["a"] = "a",
        ["hour"] = "h", ["hours"] = "h", ["h"] = "h",
    };

    /// <summary>Finds the UCUM unit of time a word stands for.</summary>
    public static bool TryGet(string word, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? ucum) => ByWord.TryGetValue(word, out ucum);
}
