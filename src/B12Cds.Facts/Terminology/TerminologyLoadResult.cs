namespace B12Cds.Facts.Terminology;

/// <summary>
/// The outcome of loading value set files: the catalogue, or <see langword="null"/> when any error was found, and
/// every problem found (errors and warnings), in file, line and column order.
/// </summary>
/// <param name="Catalog">The catalogue; <see langword="null"/> if any diagnostic is an error.</param>
/// <param name="Diagnostics">Every problem found.</param>
public sealed record TerminologyLoadResult(TerminologyCatalog? Catalog, IReadOnlyList<FileDiagnostic> Diagnostics)
{
    /// <summary>Gets a value indicating whether a catalogue was built.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Catalog))]
    public bool Succeeded => Catalog is not null;
}
