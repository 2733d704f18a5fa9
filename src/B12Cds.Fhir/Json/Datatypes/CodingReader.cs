using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Datatypes;

/// <summary>Reads a <see cref="Coding"/>.</summary>
internal static class CodingReader
{
    /// <summary>Reads a Coding object where the reader stands.</summary>
    public static Coding ReadCoding(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        string? system = null, version = null, code = null, display = null;
        bool? userSelected = null;
        var read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("system"u8))
            {
                DatatypeReading.MarkRead(ref read, 0);
                system = DatatypeReading.System(ref reader);
            }
            else if (name.SequenceEqual("code"u8))
            {
                DatatypeReading.MarkRead(ref read, 1);
                code = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("display"u8))
            {
                DatatypeReading.MarkRead(ref read, 2);
                display = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("version"u8))
            {
                DatatypeReading.MarkRead(ref read, 3);
                version = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("userSelected"u8))
            {
                DatatypeReading.MarkRead(ref read, 4);
                userSelected = DatatypeReading.Boolean(ref reader);
            }
            else
            {
                DatatypeReading.SkipUnknown(ref reader, ref skipped);
            }
        }

        return new Coding { System = system, Version = version, Code = code, Display = display, UserSelected = userSelected };
    }
}
