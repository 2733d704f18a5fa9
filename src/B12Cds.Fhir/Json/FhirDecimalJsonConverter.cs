using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json;

/// <summary>Reads and writes FHIR decimals without losing precision or range.</summary>
internal sealed class FhirDecimalJsonConverter : JsonConverter<FhirDecimal>
{
    /// <summary>A decimal holds every 28-digit number exactly; beyond that it rounds.</summary>
    private const int MaxExactDigits = 28;

    public override FhirDecimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"expected a JSON number, found {FhirDateTimeJsonConverter.Describe(reader.TokenType)}");
        }

        return FromNumber(reader.ValueSpan, reader.TryGetDecimal(out var value) ? value : null);
    }

    /// <summary>Makes the FHIR decimal of a JSON number's text, given the number as a <see cref="decimal"/> (null when out of its range).</summary>
    internal static FhirDecimal FromNumber(ReadOnlySpan<byte> span, decimal? asDecimal)
    {
        var hasExponent = span.IndexOfAny((byte)'e', (byte)'E') >= 0;
        var tooPrecise = SignificantDigits(span) > MaxExactDigits;
        if (!hasExponent && !tooPrecise && asDecimal is { } exact)
        {
            return exact;
        }

        // Exponent notation, or beyond decimal's range: keep the text exactly and the nearest decimal.
        var text = Encoding.UTF8.GetString(span);
        var mantissaIsZero = !text.TakeWhile(c => c is not ('e' or 'E')).Any(c => c is >= '1' and <= '9');
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return FhirDecimal.FromJsonText(text, value, isExact: !tooPrecise && (value != 0 || mantissaIsZero));
        }

        var asDouble = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return FhirDecimal.FromJsonText(text, asDouble < 0 ? decimal.MinValue : decimal.MaxValue, isExact: false);
    }

    /// <summary>Counts the significant digits of a JSON number's mantissa (leading zeros and the exponent excluded).</summary>
    private static int SignificantDigits(ReadOnlySpan<byte> number)
    {
        var count = 0;
        var leading = true;
        foreach (var b in number)
        {
            if (b is (byte)'e' or (byte)'E')
            {
                break;
            }

            if (b is < (byte)'0' or > (byte)'9')
            {
                continue;
            }

            if (leading && b == (byte)'0')
            {
                continue;
            }

            leading = false;
            count++;
        }

        return count;
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
