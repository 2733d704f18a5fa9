using System.Text.Json;
using System.Text.Json.Serialization;

namespace B12Cds.Fhir.Json.Datatypes;

/// <summary>
/// A hand-written reader of one common FHIR datatype or resource (or a resource's backbone element), used only by <see cref="FhirJsonParser"/> (through
/// <see cref="FhirJson.ParserOptions"/>): the source-generated reading of an init-only record collects every
/// property into an argument array before constructing it, which costs more than the rest of reading the object.
/// Writing is always done by the source-generated code.
/// </summary>
/// <typeparam name="T">The datatype.</typeparam>
internal abstract class DatatypeReader<T> : JsonConverter<T>
    where T : class
{
    /// <inheritdoc/>
    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        throw new NotSupportedException($"{GetType().Name} only reads; FhirJson.Options writes {typeof(T).Name}.");
}
