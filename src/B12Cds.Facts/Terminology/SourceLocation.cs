namespace B12Cds.Facts.Terminology;

/// <summary>
/// A place in a value set file: the file name as it was given to the loader and a 1-based line and column.
/// Line and column are 0 when a problem concerns a whole file or directory.
/// </summary>
/// <param name="File">The file name or path, as given.</param>
/// <param name="Line">The 1-based line, or 0.</param>
/// <param name="Column">The 1-based column, or 0.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
