using System.Text.Json;

namespace B12Cds.Fhir.Json;

/// <summary>Malformed JSON found while reading one resource: it makes the whole document unreadable, so it is never caught per resource.</summary>
internal sealed class FhirSyntaxException : JsonException
{
    public FhirSyntaxException(JsonException inner)
        : base(inner.Message, inner.Path, inner.LineNumber, inner.BytePositionInLine, inner)
    {
    }
}
