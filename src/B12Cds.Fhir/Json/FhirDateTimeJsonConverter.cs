using System.Text.Json;
using System.Text.Json.Serialization;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json;

/// <summary>Reads and writes FHIR date, dateTime and instant strings, keeping the text exactly.</summary>
internal sealed class FhirDateTimeJsonConverter : JsonConverter<FhirDateTime>
{
    public override FhirDateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"expected a FHIR date or dateTime string, found {Describe(reader.TokenType)}");
        }

        return Parse(reader.GetString());
    }

    /// <summary>Reads a date, dateTime or instant from a JSON string's text.</summary>
    /// <exception cref="JsonException">The text is not one.</exception>
    internal static FhirDateTime Parse(string? text)
    {
        return FhirDateTime.TryParse(text, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a FHIR date or dateTime (expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss+zz:zz)");
    }

    public override void Write(Utf8JsonWriter writer, FhirDateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);

    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
