using System.Text.Json;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Datatypes;

/// <summary>Reads a <see cref="Period"/>, its dates at the precision written.</summary>
internal sealed class PeriodReader : DatatypeReader<Period>
{
    /// <inheritdoc/>
    public override Period Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadPeriod(ref reader, options);

    /// <summary>Reads a Period object where the reader stands.</summary>
    public static Period ReadPeriod(ref Utf8JsonReader reader, JsonSerializerOptions options)
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
                start = DatatypeReading.DateTime(ref reader, options);
            }
            else if (name.SequenceEqual("end"u8))
            {
                DatatypeReading.MarkRead(ref read, 1);
                end = DatatypeReading.DateTime(ref reader, options);
            }
            else
            {
                DatatypeReading.SkipUnknown(ref reader, ref skipped);
            }
        }

        return new Period { Start = start, End = end };
    }
}
