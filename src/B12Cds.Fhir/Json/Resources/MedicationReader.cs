using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Resources;

/// <summary>Reads a <see cref="Medication"/> (contained in, or listed beside, the requests that name it).</summary>
internal static class MedicationReader
{
    private static readonly ElementTable Elements = ElementTable.Of<Element>(ResourceElements.DomainResourceNames);

    private enum Element
    {
        Identifier,
        Code,
        Status,
        Manufacturer,
        Form,
        Amount,
        Ingredient,
    }

    /// <summary>Reads a Medication object where the reader stands.</summary>
    public static Medication ReadMedication(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        var common = default(ResourceElements);
        Identifier[]? identifier = null;
        CodeableConcept? code = null;
        string? status = null;
        Reference? manufacturer = null;
        CodeableConcept? form = null;
        Ratio? amount = null;
        MedicationIngredient[]? ingredient = null;
        long read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextElement(ref reader, Elements, ref read, ref skipped, out var index))
        {
            if (common.TryRead(index, ResourceElements.DomainResourceCount, ref reader))
            {
                continue;
            }

            switch ((Element)(index - ResourceElements.DomainResourceCount))
            {
                case Element.Identifier:
                    identifier = DatatypeReading.Objects(ref reader, IdentifierReader.ReadIdentifier);
                    break;
                case Element.Code:
                    code = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Status:
                    status = DatatypeReading.String(ref reader);
                    break;
                case Element.Manufacturer:
                    manufacturer = DatatypeReading.Object(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.Form:
                    form = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Amount:
                    amount = DatatypeReading.Object(ref reader, RatioReader.ReadRatio);
                    break;
                case Element.Ingredient:
                    ingredient = DatatypeReading.Objects(ref reader, MedicationIngredientReader.ReadIngredient);
                    break;
            }
        }

        return new Medication
        {
            Id = common.Id,
            Meta = common.Meta,
            ImplicitRules = common.ImplicitRules,
            Language = common.Language,
            Text = common.Text,
            Contained = common.Contained ?? [],
            Extension = common.Extension ?? [],
            ModifierExtension = common.ModifierExtension ?? [],
            Identifier = identifier ?? [],
            Code = code,
            Status = status,
            Manufacturer = manufacturer,
            Form = form,
            Amount = amount,
            Ingredient = ingredient ?? [],
        };
    }
}
