using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace B12Cds.Cards.CdsHooks;

/// <summary>
/// CDS Hooks 2.0 JSON: camelCase, no nulls, no empty arrays (except <c>cards</c>, always written), FHIR resources
/// written by the FHIR layer, text not HTML-escaped.
/// </summary>
public static class CdsHooksJson
{
    private static readonly JsonSerializerOptions Compact = CreateOptions(writeIndented: false);
    private static readonly JsonSerializerOptions Indented = CreateOptions(writeIndented: true);

    /// <summary>Serializes a response.</summary>
    public static string Serialize(CdsResponse response, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(response);
        return JsonSerializer.Serialize(response, TypeInfo<CdsResponse>(indented ? Indented : Compact));
    }

    /// <summary>Serializes one card.</summary>
    public static string Serialize(Card card, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(card);
        return JsonSerializer.Serialize(card, TypeInfo<Card>(indented ? Indented : Compact));
    }

    /// <summary>Writes one card to a writer (the writer's indentation applies).</summary>
    public static void Write(Utf8JsonWriter writer, Card card)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(card);
        JsonSerializer.Serialize(writer, card, TypeInfo<Card>(Compact));
    }

    /// <summary>Reads a response.</summary>
    /// <exception cref="JsonException">The text is not a CDS Hooks response.</exception>
    public static CdsResponse? DeserializeResponse(string json) => JsonSerializer.Deserialize(json, TypeInfo<CdsResponse>(Compact));

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
