using System.Runtime.CompilerServices;
using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Resources;

/// <summary>
/// The <c>value[x]</c> choice an Observation and each of its components carry, read in one place for both readers.
/// Each reader names the ten choices in its element enum in this order, from <c>ValueQuantity</c> to
/// <c>ValuePeriod</c>, and passes the index counted from its <c>ValueQuantity</c>.
/// </summary>
internal struct ObservationValue
{
    /// <summary>The number of value choices.</summary>
    private const int Choices = 10;

    public Quantity? Quantity;
    public CodeableConcept? CodeableConcept;
    public string? String;
    public bool? Boolean;
    public int? Integer;
    public Model.Range? Range;
    public Ratio? Ratio;
    public string? Time;
    public FhirDateTime? DateTime;
    public Period? Period;

    /// <summary>Reads choice number <paramref name="choice"/> (0 for <c>valueQuantity</c>); false when it is not a value choice.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryRead(int choice, ref FhirJsonReader reader) => (uint)choice < Choices && Read(choice, ref reader);

    private bool Read(int choice, ref FhirJsonReader reader)
    {
        switch (choice)
        {
            case 0:
                Quantity = DatatypeReading.Object(ref reader, QuantityReader.ReadQuantity);
                return true;
            case 1:
                CodeableConcept = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                return true;
            case 2:
                String = DatatypeReading.String(ref reader);
                return true;
            case 3:
                Boolean = DatatypeReading.Boolean(ref reader);
                return true;
            case 4:
                Integer = DatatypeReading.Integer(ref reader);
                return true;
            case 5:
                Range = DatatypeReading.Object(ref reader, RangeReader.ReadRange);
                return true;
            case 6:
                Ratio = DatatypeReading.Object(ref reader, RatioReader.ReadRatio);
                return true;
            case 7:
                Time = DatatypeReading.String(ref reader);
                return true;
            case 8:
                DateTime = DatatypeReading.DateTime(ref reader);
                return true;
            case 9:
                Period = DatatypeReading.Object(ref reader, PeriodReader.ReadPeriod);
                return true;
            default:
                return false;
        }
    }
}
