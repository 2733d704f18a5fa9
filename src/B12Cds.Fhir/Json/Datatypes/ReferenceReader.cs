using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Datatypes;

/// <summary>Reads a <see cref="Reference"/>.</summary>
internal static class ReferenceReader
{
    /// <summary>Reads a Reference object where the reader stands.</summary>
    public static Reference ReadReference(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        string? reference = null, type = null, display = null;
        Identifier? identifier = null;
        var read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("reference"u8))
            {
                DatatypeReading.MarkRead(ref read, 0);
                reference = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("display"u8))
            {
                DatatypeReading.MarkRead(ref read, 1);
                display = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("type"u8))
            {
                DatatypeReading.MarkRead(ref read, 2);
                type = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("identifier"u8))
            {
                DatatypeReading.MarkRead(ref read, 3);
                identifier = DatatypeReading.Object(ref reader, IdentifierReader.ReadIdentifier);
            }
            else
            {
                DatatypeReading.SkipUnknown(ref reader, ref skipped);
            }
        }

        return new Reference { ReferenceValue = reference, Type = type, Identifier = identifier, Display = display };
    }
}
