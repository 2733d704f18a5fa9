namespace B12Cds.Fhir.Model;

/// <summary>A code from a code system (FHIR <c>Coding</c>).</summary>
public sealed record Coding
{
    public string? System { get; init; }

    public string? Version { get; init; }

    public string? Code { get; init; }

    public string? Display { get; init; }

    public bool? UserSelected { get; init; }
}
