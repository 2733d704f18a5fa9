using System.Buffers.Text;
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

        return FromNumber(reader.ValueSpan);
    }

    /// <summary>Makes the FHIR decimal of a JSON number's text (both the serializer's reading and the fast path's).</summary>
    internal static FhirDecimal FromNumber(ReadOnlySpan<byte> span)
    {
        if (TryPlain(span, out var plain))
        {
            return plain;
        }

        var hasExponent = span.IndexOfAny((byte)'e', (byte)'E') >= 0;
        var tooPrecise = SignificantDigits(span) > MaxExactDigits;

        // Utf8Parser gives what Utf8JsonReader.TryGetDecimal gives (the reader tests compare the two on every number).
        if (!hasExponent && !tooPrecise && Utf8Parser.TryParse(span, out decimal exact, out var consumed) && consumed == span.Length)
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

    /// <summary>
    /// Reads the commonest decimals directly: up to 18 digits, a point or none, no exponent (a lab value, a dose); the
    /// decimal keeps the text's scale (1.50 stays 1.50). False for anything else, and for a negative zero.
    /// </summary>
    private static bool TryPlain(ReadOnlySpan<byte> number, out FhirDecimal value)
    {
        value = default;
        var negative = number.Length > 0 && number[0] == (byte)'-';
        var digits = 0;
        var scale = -1;
        ulong mantissa = 0;
        for (var i = negative ? 1 : 0; i < number.Length; i++)
        {
            var b = number[i];
            if (b == (byte)'.' && scale < 0)
            {
                scale = 0;
                continue;
            }

            if (b is < (byte)'0' or > (byte)'9' || ++digits > 18)
            {
                return false;
            }

            mantissa = (mantissa * 10) + (ulong)(b - '0');
            if (scale >= 0)
            {
                scale++;
            }
        }

        if (digits == 0 || (negative && mantissa == 0))
        {
            return false;
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)Math.Max(scale, 0));
        return true;
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
