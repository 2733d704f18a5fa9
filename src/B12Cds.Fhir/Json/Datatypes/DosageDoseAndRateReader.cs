using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Datatypes;

/// <summary>Reads a <see cref="DosageDoseAndRate"/>.</summary>
internal static class DosageDoseAndRateReader
{
    private static readonly ElementTable Elements = ElementTable.Of<Element>();

    private enum Element
    {
        Type,
        DoseRange,
        DoseQuantity,
        RateRatio,
        RateRange,
        RateQuantity,
    }

    /// <summary>Reads a DosageDoseAndRate object where the reader stands.</summary>
    public static DosageDoseAndRate ReadDoseAndRate(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        CodeableConcept? type = null;
        Model.Range? doseRange = null;
        Quantity? doseQuantity = null;
        Ratio? rateRatio = null;
        Model.Range? rateRange = null;
        Quantity? rateQuantity = null;
        long read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextElement(ref reader, Elements, ref read, ref skipped, out var index))
        {
            switch ((Element)index)
            {
                case Element.Type:
                    type = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.DoseRange:
                    doseRange = DatatypeReading.Object(ref reader, RangeReader.ReadRange);
                    break;
                case Element.DoseQuantity:
                    doseQuantity = DatatypeReading.Object(ref reader, QuantityReader.ReadQuantity);
                    break;
                case Element.RateRatio:
                    rateRatio = DatatypeReading.Object(ref reader, RatioReader.ReadRatio);
                    break;
                case Element.RateRange:
                    rateRange = DatatypeReading.Object(ref reader, RangeReader.ReadRange);
                    break;
                case Element.RateQuantity:
                    rateQuantity = DatatypeReading.Object(ref reader, QuantityReader.ReadQuantity);
                    break;
            }
        }

        return new DosageDoseAndRate
        {
            Type = type,
            DoseRange = doseRange,
            DoseQuantity = doseQuantity,
            RateRatio = rateRatio,
            RateRange = rateRange,
            RateQuantity = rateQuantity,
        };
    }
}
