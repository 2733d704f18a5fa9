using System.Text.Json.Serialization;

namespace B12Cds.Fhir.Model;

/// <summary>A reference to another resource (FHIR <c>Reference</c>): relative, absolute, <c>urn:uuid:</c> or <c>#contained</c>.</summary>
public sealed record Reference
{
    /// <summary>Gets the literal reference, e.g. <c>Patient/123</c>, <c>urn:uuid:…</c> or <c>#med1</c>.</summary>
    [JsonPropertyName("reference")]
    public string? ReferenceValue { get; init; }

    public string? Type { get; init; }

    public Identifier? Identifier { get; init; }

    public string? Display { get; init; }

    /// <summary>Creates a literal reference.</summary>
    public static Reference To(string reference, string? display = null) => new() { ReferenceValue = reference, Display = display };
}
