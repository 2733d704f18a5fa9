using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Datatypes;

/// <summary>Reads an <see cref="Identifier"/>.</summary>
internal static class IdentifierReader
{
    /// <summary>Reads an Identifier object where the reader stands.</summary>
    public static Identifier ReadIdentifier(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        string? use = null, system = null, value = null;
        CodeableConcept? type = null;
        Period? period = null;
        var read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("system"u8))
            {
                DatatypeReading.MarkRead(ref read, 0);
                system = DatatypeReading.System(ref reader);
            }
            else if (name.SequenceEqual("value"u8))
            {
                DatatypeReading.MarkRead(ref read, 1);
                value = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("use"u8))
            {
                DatatypeReading.MarkRead(ref read, 2);
                use = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("type"u8))
            {
                DatatypeReading.MarkRead(ref read, 3);
                type = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
            }
            else if (name.SequenceEqual("period"u8))
            {
                DatatypeReading.MarkRead(ref read, 4);
                period = DatatypeReading.Object(ref reader, PeriodReader.ReadPeriod);
            }
            else
            {
                DatatypeReading.SkipUnknown(ref reader, ref skipped);
            }
        }

        return new Identifier { Use = use, Type = type, System = system, Value = value, Period = period };
    }
}
