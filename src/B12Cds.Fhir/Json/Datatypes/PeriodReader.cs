using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Datatypes;

/// <summary>Reads a <see cref="Period"/>, its dates at the precision written.</summary>
internal static class PeriodReader
{
    /// <summary>Reads a Period object where the reader stands.</summary>
    public static Period ReadPeriod(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        FhirDateTime? start = null, end = null;
        var read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("start"u8))
            {
                DatatypeReading.MarkRead(ref read, 0);
                start = DatatypeReading.DateTime(ref reader);
            }
            else if (name.SequenceEqual("end"u8))
            {
                DatatypeReading.MarkRead(ref read, 1);
                end = DatatypeReading.DateTime(ref reader);
            }
            else
            {
                DatatypeReading.SkipUnknown(ref reader, ref skipped);
            }
        }

        return new Period { Start = start, End = end };
    }
}
