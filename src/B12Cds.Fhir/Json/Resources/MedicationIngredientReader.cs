using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Resources;

/// <summary>Reads a <see cref="MedicationIngredient"/>.</summary>
internal static class MedicationIngredientReader
{
    private static readonly ElementTable Elements = ElementTable.Of<Element>();

    private enum Element
    {
        ItemCodeableConcept,
        ItemReference,
        IsActive,
        Strength,
    }

    /// <summary>Reads a MedicationIngredient object where the reader stands.</summary>
    public static MedicationIngredient ReadIngredient(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        CodeableConcept? itemCodeableConcept = null;
        Reference? itemReference = null;
        bool? isActive = null;
        Ratio? strength = null;
        long read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextElement(ref reader, Elements, ref read, ref skipped, out var index))
        {
            switch ((Element)index)
            {
                case Element.ItemCodeableConcept:
                    itemCodeableConcept = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.ItemReference:
                    itemReference = DatatypeReading.Object(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.IsActive:
                    isActive = DatatypeReading.Boolean(ref reader);
                    break;
                case Element.Strength:
                    strength = DatatypeReading.Object(ref reader, RatioReader.ReadRatio);
                    break;
            }
        }

        return new MedicationIngredient
        {
            ItemCodeableConcept = itemCodeableConcept,
            ItemReference = itemReference,
            IsActive = isActive,
            Strength = strength,
        };
    }
}
