namespace B12Cds.Rules.Expressions;

/// <summary>Where a piece of an expression is in its text: a 0-based offset and length.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>Gets the offset just past the span.</summary>
    public int End => Start + Length;

    /// <summary>Creates the span covering both spans.</summary>
    public static TextSpan Cover(TextSpan a, TextSpan b) => new(Math.Min(a.Start, b.Start), Math.Max(a.End, b.End) - Math.Min(a.Start, b.Start));
}
