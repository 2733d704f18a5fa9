namespace B12Cds.Fhir.Model;

/// <summary>A note (FHIR <c>Annotation</c>).</summary>
public sealed record Annotation
{
    public string? AuthorString { get; init; }

    public Reference? AuthorReference { get; init; }

    public FhirDateTime? Time { get; init; }

    public string? Text { get; init; }
}
