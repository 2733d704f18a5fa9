using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace B12Cds.Cards.CdsHooks;

/// <summary>
/// CDS Hooks 2.0 JSON: camelCase, no nulls, no empty arrays (except <c>cards</c>, always written), FHIR resources
/// written by the FHIR layer, text not HTML-escaped. Written by <see cref="CdsHooksJsonWriter"/> (the same bytes as
/// the serializer's metadata, <see cref="SerializeWithMetadata(CdsResponse, bool)"/>, without its cost); read by the serializer.
/// </summary>
public static class CdsHooksJson
{
    private static readonly JsonSerializerOptions Compact = CreateOptions(writeIndented: false);
    private static readonly JsonSerializerOptions Indented = CreateOptions(writeIndented: true);

    // What the serializer gives its own writers for these options (escaping, indentation; no validation of the
    // writing, which the model's shape already guarantees).
    private static readonly JsonWriterOptions CompactWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private static readonly JsonWriterOptions IndentedWriter = CompactWriter with { Indented = true };

    /// <summary>Serializes a response.</summary>
    public static string Serialize(CdsResponse response, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(response);
        using var buffer = new PooledBufferWriter();
        Write(buffer, response, indented);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Serializes a response as UTF-8 bytes.</summary>
    public static byte[] SerializeToUtf8Bytes(CdsResponse response, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(response);
        using var buffer = new PooledBufferWriter();
        Write(buffer, response, indented);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes a response as UTF-8 JSON to <paramref name="output"/> (e.g. a <see cref="PooledBufferWriter"/> or a pipe), flushed when this returns.</summary>
    public static void Write(IBufferWriter<byte> output, CdsResponse response, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(response);
        using var writer = new Utf8JsonWriter(output, indented ? IndentedWriter : CompactWriter);
        CdsHooksJsonWriter.WriteResponse(writer, response);
        writer.Flush();
    }

    /// <summary>Serializes one card.</summary>
    public static string Serialize(Card card, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(card);
        using var buffer = new PooledBufferWriter(4 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, indented ? IndentedWriter : CompactWriter))
        {
            CdsHooksJsonWriter.WriteCard(writer, card);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes one card to a writer (the writer's indentation and escaping apply).</summary>
    public static void Write(Utf8JsonWriter writer, Card card)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(card);
        CdsHooksJsonWriter.WriteCard(writer, card);
    }

    /// <summary>Reads a response.</summary>
    /// <exception cref="JsonException">The text is not a CDS Hooks response.</exception>
    public static CdsResponse? DeserializeResponse(string json) => JsonSerializer.Deserialize(json, TypeInfo<CdsResponse>(Compact));

    /// <summary>Serializes a response with the serializer's metadata: the reference the hand-written writing is tested against.</summary>
    internal static string SerializeWithMetadata(CdsResponse response, bool indented = false) =>
        JsonSerializer.Serialize(response, TypeInfo<CdsResponse>(indented ? Indented : Compact));

    /// <summary>Serializes a card with the serializer's metadata: the reference the hand-written writing is tested against.</summary>
    internal static string SerializeWithMetadata(Card card, bool indented = false) =>
        JsonSerializer.Serialize(card, TypeInfo<Card>(indented ? Indented : Compact));

    /// <summary>Writes one card to a writer with the serializer's metadata: the reference the hand-written writing is tested against.</summary>
    internal static void WriteWithMetadata(Utf8JsonWriter writer, Card card) => JsonSerializer.Serialize(writer, card, TypeInfo<Card>(Compact));

    private static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions CreateOptions(bool writeIndented)
    {
        var options = new JsonSerializerOptions(CdsHooksJsonContext.Default.Options)
        {
            WriteIndented = writeIndented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = CdsHooksJsonContext.Default.WithAddedModifier(JsonShape.OmitEmptyCollections((typeof(CdsResponse), "cards"))),
        };
        options.MakeReadOnly();
        return options;
    }
}
