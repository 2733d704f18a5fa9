using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Datatypes;

/// <summary>Reads a <see cref="Range"/>.</summary>
internal static class RangeReader
{
    /// <summary>Reads a Range object where the reader stands.</summary>
    public static Model.Range ReadRange(ref FhirJsonReader reader)
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
                low = DatatypeReading.Object(ref reader, QuantityReader.ReadQuantity);
            }
            else if (name.SequenceEqual("high"u8))
            {
                DatatypeReading.MarkRead(ref read, 1);
                high = DatatypeReading.Object(ref reader, QuantityReader.ReadQuantity);
            }
            else
            {
                DatatypeReading.SkipUnknown(ref reader, ref skipped);
            }
        }

        return new Model.Range { Low = low, High = high };
    }
}
