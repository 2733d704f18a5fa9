namespace B12Cds.Fhir.Model;

/// <summary>A citation or link to supporting knowledge (FHIR <c>RelatedArtifact</c>).</summary>
public sealed record RelatedArtifact
{
    /// <summary>Gets the kind: documentation, justification, citation, predecessor, successor, derived-from, depends-on or composed-of.</summary>
    public string? Type { get; init; }

    public string? Label { get; init; }

    public string? Display { get; init; }

    public string? Citation { get; init; }

    public string? Url { get; init; }

    public string? Resource { get; init; }
}
