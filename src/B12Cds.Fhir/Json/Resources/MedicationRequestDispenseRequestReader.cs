using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Resources;

/// <summary>Reads a <see cref="MedicationRequestDispenseRequest"/>.</summary>
internal static class MedicationRequestDispenseRequestReader
{
    private static readonly ElementTable Elements = ElementTable.Of<Element>();

    private enum Element
    {
        ValidityPeriod,
        NumberOfRepeatsAllowed,
        Quantity,
        ExpectedSupplyDuration,
    }

    /// <summary>Reads a MedicationRequestDispenseRequest object where the reader stands.</summary>
    public static MedicationRequestDispenseRequest ReadDispenseRequest(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        Period? validityPeriod = null;
        int? numberOfRepeatsAllowed = null;
        Quantity? quantity = null;
        Quantity? expectedSupplyDuration = null;
        long read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextElement(ref reader, Elements, ref read, ref skipped, out var index))
        {
            switch ((Element)index)
            {
                case Element.ValidityPeriod:
                    validityPeriod = DatatypeReading.Object(ref reader, PeriodReader.ReadPeriod);
                    break;
                case Element.NumberOfRepeatsAllowed:
                    numberOfRepeatsAllowed = DatatypeReading.Integer(ref reader);
                    break;
                case Element.Quantity:
                    quantity = DatatypeReading.Object(ref reader, QuantityReader.ReadQuantity);
                    break;
                case Element.ExpectedSupplyDuration:
                    expectedSupplyDuration = DatatypeReading.Object(ref reader, QuantityReader.ReadQuantity);
                    break;
            }
        }

        return new MedicationRequestDispenseRequest
        {
            ValidityPeriod = validityPeriod,
            NumberOfRepeatsAllowed = numberOfRepeatsAllowed,
            Quantity = quantity,
            ExpectedSupplyDuration = expectedSupplyDuration,
        };
    }
}
