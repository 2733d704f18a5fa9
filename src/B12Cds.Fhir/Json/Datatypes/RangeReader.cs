using System.Text.Json;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Datatypes;

/// <summary>Reads a <see cref="Range"/>.</summary>
internal sealed class RangeReader : DatatypeReader<Model.Range>
{
    /// <inheritdoc/>
    public override Model.Range Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadRange(ref reader, options);

    /// <summary>Reads a Range object where the reader stands.</summary>
    public static Model.Range ReadRange(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        DatatypeReading.ExpectObject(ref reader);
        Quantity? low = null, high = null;
        var read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("low"u8))
            {
                DatatypeReading.MarkRead(ref read, 0);
                low = DatatypeReading.Object(ref reader, options, QuantityReader.ReadQuantity);
            }
            else if (name.SequenceEqual("high"u8))
            {
                DatatypeReading.MarkRead(ref read, 1);
                high = DatatypeReading.Object(ref reader, options, QuantityReader.ReadQuantity);
            }
            else
            {
                DatatypeReading.SkipUnknown(ref reader, ref skipped);
            }
        }

        return new Model.Range { Low = low, High = high };
    }
}
