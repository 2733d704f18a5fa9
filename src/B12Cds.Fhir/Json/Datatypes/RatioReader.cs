using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Datatypes;

/// <summary>Reads a <see cref="Ratio"/>.</summary>
internal static class RatioReader
{
    /// <summary>Reads a Ratio object where the reader stands.</summary>
    public static Ratio ReadRatio(ref FhirJsonReader reader)
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
                numerator = DatatypeReading.Object(ref reader, QuantityReader.ReadQuantity);
            }
            else if (name.SequenceEqual("denominator"u8))
            {
                DatatypeReading.MarkRead(ref read, 1);
                denominator = DatatypeReading.Object(ref reader, QuantityReader.ReadQuantity);
            }
            else
            {
                DatatypeReading.SkipUnknown(ref reader, ref skipped);
            }
        }

        return new Ratio { Numerator = numerator, Denominator = denominator };
    }
}
