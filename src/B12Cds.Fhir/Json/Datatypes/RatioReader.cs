using System.Text.Json;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Datatypes;

/// <summary>Reads a <see cref="Ratio"/>.</summary>
internal sealed class RatioReader : DatatypeReader<Ratio>
{
    /// <inheritdoc/>
    public override Ratio Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadRatio(ref reader, options);

    /// <summary>Reads a Ratio object where the reader stands.</summary>
    public static Ratio ReadRatio(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        DatatypeReading.ExpectObject(ref reader);
        Quantity? numerator = null, denominator = null;
        var read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("numerator"u8))
            {
                DatatypeReading.MarkRead(ref read, 0);
                numerator = DatatypeReading.Object(ref reader, options, QuantityReader.ReadQuantity);
            }
            else if (name.SequenceEqual("denominator"u8))
            {
                DatatypeReading.MarkRead(ref read, 1);
                denominator = DatatypeReading.Object(ref reader, options, QuantityReader.ReadQuantity);
            }
            else
            {
                DatatypeReading.SkipUnknown(ref reader, ref skipped);
            }
        }

        return new Ratio { Numerator = numerator, Denominator = denominator };
    }
}
