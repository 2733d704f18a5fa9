using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Resources;

/// <summary>Reads an <see cref="AllergyIntoleranceReaction"/>.</summary>
internal static class AllergyIntoleranceReactionReader
{
    private static readonly ElementTable Elements = ElementTable.Of<Element>();

    private enum Element
    {
        Substance,
        Manifestation,
        Description,
        Onset,
        Severity,
        ExposureRoute,
        Note,
    }

    /// <summary>Reads an AllergyIntoleranceReaction object where the reader stands.</summary>
    public static AllergyIntoleranceReaction ReadReaction(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        CodeableConcept? substance = null;
        CodeableConcept[]? manifestation = null;
        string? description = null;
        FhirDateTime? onset = null;
        string? severity = null;
        CodeableConcept? exposureRoute = null;
        Annotation[]? note = null;
        long read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextElement(ref reader, Elements, ref read, ref skipped, out var index))
        {
            switch ((Element)index)
            {
                case Element.Substance:
                    substance = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Manifestation:
                    manifestation = DatatypeReading.Objects(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Description:
                    description = DatatypeReading.String(ref reader);
                    break;
                case Element.Onset:
                    onset = DatatypeReading.DateTime(ref reader);
                    break;
                case Element.Severity:
                    severity = DatatypeReading.String(ref reader);
                    break;
                case Element.ExposureRoute:
                    exposureRoute = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Note:
                    note = DatatypeReading.Objects(ref reader, AnnotationReader.ReadAnnotation);
                    break;
            }
        }

        return new AllergyIntoleranceReaction
        {
            Substance = substance,
            Manifestation = manifestation ?? [],
            Description = description,
            Onset = onset,
            Severity = severity,
            ExposureRoute = exposureRoute,
            Note = note ?? [],
        };
    }
}
