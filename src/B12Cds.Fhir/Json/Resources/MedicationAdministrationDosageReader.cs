using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Resources;

/// <summary>Reads a <see cref="MedicationAdministrationDosage"/>.</summary>
internal static class MedicationAdministrationDosageReader
{
    private static readonly ElementTable Elements = ElementTable.Of<Element>();

    private enum Element
    {
        Text,
        Site,
        Route,
        Method,
        Dose,
        RateRatio,
        RateQuantity,
    }

    /// <summary>Reads a MedicationAdministrationDosage object where the reader stands.</summary>
    public static MedicationAdministrationDosage ReadDosage(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        string? text = null;
        CodeableConcept? site = null;
        CodeableConcept? route = null;
        CodeableConcept? method = null;
        Quantity? dose = null;
        Ratio? rateRatio = null;
        Quantity? rateQuantity = null;
        long read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextElement(ref reader, Elements, ref read, ref skipped, out var index))
        {
            switch ((Element)index)
            {
                case Element.Text:
                    text = DatatypeReading.String(ref reader);
                    break;
                case Element.Site:
                    site = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Route:
                    route = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Method:
                    method = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Dose:
                    dose = DatatypeReading.Object(ref reader, QuantityReader.ReadQuantity);
                    break;
                case Element.RateRatio:
                    rateRatio = DatatypeReading.Object(ref reader, RatioReader.ReadRatio);
                    break;
                case Element.RateQuantity:
                    rateQuantity = DatatypeReading.Object(ref reader, QuantityReader.ReadQuantity);
                    break;
            }
        }

        return new MedicationAdministrationDosage
        {
            Text = text,
            Site = site,
            Route = route,
            Method = method,
            Dose = dose,
            RateRatio = rateRatio,
            RateQuantity = rateQuantity,
        };
    }
}
