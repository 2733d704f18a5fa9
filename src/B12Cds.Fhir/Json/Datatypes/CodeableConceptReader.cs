using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Datatypes;

/// <summary>Reads a <see cref="CodeableConcept"/>.</summary>
internal static class CodeableConceptReader
{
    /// <summary>Reads a CodeableConcept object where the reader stands.</summary>
    public static CodeableConcept ReadCodeableConcept(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        Coding[]? coding = null;
        string? text = null;
        var read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("coding"u8))
            {
                DatatypeReading.MarkRead(ref read, 0);
                coding = DatatypeReading.Codings(ref reader);
            }
            else if (name.SequenceEqual("text"u8))
            {
                DatatypeReading.MarkRead(ref read, 1);
                text = DatatypeReading.String(ref reader);
            }
            else
            {
                DatatypeReading.SkipUnknown(ref reader, ref skipped);
            }
        }

        return new CodeableConcept { Coding = coding ?? [], Text = text };
    }
}
