using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Datatypes;

/// <summary>Reads a <see cref="Quantity"/>, its value exactly as written.</summary>
internal static class QuantityReader
{
    /// <summary>Reads a Quantity object where the reader stands.</summary>
    public static Quantity ReadQuantity(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        FhirDecimal? value = null;
        string? comparator = null, unit = null, system = null, code = null;
        var read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("value"u8))
            {
                DatatypeReading.MarkRead(ref read, 0);
                value = DatatypeReading.Decimal(ref reader);
            }
            else if (name.SequenceEqual("unit"u8))
            {
                DatatypeReading.MarkRead(ref read, 1);
                unit = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("system"u8))
            {
                DatatypeReading.MarkRead(ref read, 2);
                system = DatatypeReading.System(ref reader);
            }
            else if (name.SequenceEqual("code"u8))
            {
                DatatypeReading.MarkRead(ref read, 3);
                code = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("comparator"u8))
            {
                DatatypeReading.MarkRead(ref read, 4);
                comparator = DatatypeReading.String(ref reader);
            }
            else
            {
                DatatypeReading.SkipUnknown(ref reader, ref skipped);
            }
        }

        return new Quantity { Value = value, Comparator = comparator, Unit = unit, System = system, Code = code };
    }
}
