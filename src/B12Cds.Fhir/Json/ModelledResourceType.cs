using System.Text.Json;
using System.Text.Json.Serialization;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json;

/// <summary>Reads one resource of a known type where the reader stands, leaving it on the resource's closing brace.</summary>
internal delegate Resource? ResourceReader(ref Utf8JsonReader reader, JsonSerializerOptions options);

/// <summary>A resource type B12 CDS models: its CLR type, and how to read it in the same pass as the document around it.</summary>
internal sealed class ModelledResourceType
{
    private ModelledResourceType(Type type, ResourceReader readInPlace, HandReader? handReader)
    {
        Type = type;
        ReadInPlace = readInPlace;
        HandReader = handReader;
    }

    /// <summary>Gets the model type.</summary>
    public Type Type { get; }

    /// <summary>
    /// Gets the reader that runs the type's source-generated converter directly on the caller's reader. Unlike
    /// <see cref="JsonSerializer.Deserialize(ref Utf8JsonReader, System.Text.Json.Serialization.Metadata.JsonTypeInfo)"/>,
    /// it does not first skip to the end of the object to scope a new reader (a second scan of every byte, and a third
    /// of each Bundle entry); in exchange, its exceptions carry no JSON path or position.
    /// </summary>
    public ResourceReader ReadInPlace { get; }

    /// <summary>
    /// Gets the type's hand-written reader, which the parser's fast path reads it with (<see cref="DocumentReading"/>);
    /// null for a type B12 CDS writes more than it reads, which the fast path hands to the serializer.
    /// </summary>
    public HandReader? HandReader { get; }

    /// <summary>Describes the modelled resource type <typeparamref name="T"/> (it needs a <c>[JsonSerializable]</c> in <see cref="FhirJsonContext"/>).</summary>
    /// <param name="handReader">Its hand-written reader, if it has one.</param>
    public static ModelledResourceType Of<T>(HandReader? handReader = null)
        where T : Resource => new(typeof(T), Read<T>, handReader);

    private static T? Read<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
        where T : Resource =>
        ((JsonConverter<T>)options.GetTypeInfo(typeof(T)).Converter).Read(ref reader, typeof(T), options);
}
