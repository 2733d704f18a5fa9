using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json;

/// <summary>Reads and writes FHIR decimals without losing precision or range.</summary>
internal sealed class FhirDecimalJsonConverter : JsonConverter<FhirDecimal>
{
    public override FhirDecimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"expected a JSON number, found {FhirDateTimeJsonConverter.Describe(reader.TokenType)}");
        }

        var span = reader.ValueSpan;
        var hasExponent = span.IndexOfAny((byte)'e', (byte)'E') >= 0;
        if (reader.TryGetDecimal(out var value) && !hasExponent)
        {
            return value;
        }

        // Exponent notation, or beyond decimal's range: keep the text exactly and the nearest decimal.
        var text = Encoding.UTF8.GetString(span);
        var mantissaIsZero = !text.TakeWhile(c => c is not ('e' or 'E')).Any(c => c is >= '1' and <= '9');
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return FhirDecimal.FromJsonText(text, value, isExact: value != 0 || mantissaIsZero);
        }

        var asDouble = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return FhirDecimal.FromJsonText(text, asDouble < 0 ? decimal.MinValue : decimal.MaxValue, isExact: false);
    }

    public override void Write(Utf8JsonWriter writer, FhirDecimal value, JsonSerializerOptions options)
    {
        if (value.HasText)
        {
            writer.WriteRawValue(value.Text, skipInputValidation: false);
        }
        else
        {
            writer.WriteNumberValue(value.Value);
        }
    }
}
