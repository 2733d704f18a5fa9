using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Datatypes;

/// <summary>Reads an <see cref="Annotation"/> (a note).</summary>
internal static class AnnotationReader
{
    /// <summary>Reads an Annotation object where the reader stands.</summary>
    public static Annotation ReadAnnotation(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        string? authorString = null, text = null;
        Reference? authorReference = null;
        FhirDateTime? time = null;
        var read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("text"u8))
            {
                DatatypeReading.MarkRead(ref read, 0);
                text = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("time"u8))
            {
                DatatypeReading.MarkRead(ref read, 1);
                time = DatatypeReading.DateTime(ref reader);
            }
            else if (name.SequenceEqual("authorString"u8))
            {
                DatatypeReading.MarkRead(ref read, 2);
                authorString = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("authorReference"u8))
            {
                DatatypeReading.MarkRead(ref read, 3);
                authorReference = DatatypeReading.Object(ref reader, ReferenceReader.ReadReference);
            }
            else
            {
                DatatypeReading.SkipUnknown(ref reader, ref skipped);
            }
        }

        return new Annotation { AuthorString = authorString, AuthorReference = authorReference, Time = time, Text = text };
    }
}
