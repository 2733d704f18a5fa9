using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Datatypes;

/// <summary>Reads a <see cref="HumanName"/>.</summary>
internal static class HumanNameReader
{
    /// <summary>Reads a HumanName object where the reader stands.</summary>
    public static HumanName ReadHumanName(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        string? use = null, text = null, family = null;
        string[]? given = null, prefix = null, suffix = null;
        Period? period = null;
        var read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("use"u8))
            {
                DatatypeReading.MarkRead(ref read, 0);
                use = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("family"u8))
            {
                DatatypeReading.MarkRead(ref read, 1);
                family = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("given"u8))
            {
                DatatypeReading.MarkRead(ref read, 2);
                given = DatatypeReading.Strings(ref reader);
            }
            else if (name.SequenceEqual("text"u8))
            {
                DatatypeReading.MarkRead(ref read, 3);
                text = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("prefix"u8))
            {
                DatatypeReading.MarkRead(ref read, 4);
                prefix = DatatypeReading.Strings(ref reader);
            }
            else if (name.SequenceEqual("suffix"u8))
            {
                DatatypeReading.MarkRead(ref read, 5);
                suffix = DatatypeReading.Strings(ref reader);
            }
            else if (name.SequenceEqual("period"u8))
            {
                DatatypeReading.MarkRead(ref read, 6);
                period = DatatypeReading.Object(ref reader, PeriodReader.ReadPeriod);
            }
            else
            {
                DatatypeReading.SkipUnknown(ref reader, ref skipped);
            }
        }

        return new HumanName { Use = use, Text = text, Family = family, Given = given ?? [], Prefix = prefix ?? [], Suffix = suffix ?? [], Period = period };
    }
}
