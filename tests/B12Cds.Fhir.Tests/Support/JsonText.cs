namespace B12Cds.Fhir.Tests.Support;

/// <summary>Finds 1-based line and column (in bytes; test inputs are ASCII) of a marker in JSON text, so expected positions read as intent.</summary>
internal static class JsonText
{
    /// <summary>Gets the line and column of the first character of <paramref name="marker"/>.</summary>
    public static (long Line, long Column) PositionOf(string json, string marker) => At(json, IndexOf(json, marker));

    /// <summary>Gets the line and column just after <paramref name="marker"/> (where System.Text.Json reports a bad value it has read).</summary>
    public static (long Line, long Column) PositionAfter(string json, string marker) => At(json, IndexOf(json, marker) + marker.Length);

    private static int IndexOf(string json, string marker)
    {
        var index = json.IndexOf(marker, StringComparison.Ordinal);
        return index >= 0 ? index : throw new ArgumentException($"'{marker}' is not in the JSON.", nameof(marker));
    }

    private static (long Line, long Column) At(string json, int index)
    {
        var before = json.AsSpan(0, index);
        var lineStart = before.LastIndexOf('\n') + 1;
        return (before.Count('\n') + 1, index - lineStart + 1);
    }
}
