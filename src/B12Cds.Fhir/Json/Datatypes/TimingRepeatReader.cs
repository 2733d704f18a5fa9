using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Datatypes;

/// <summary>Reads a <see cref="TimingRepeat"/>.</summary>
internal static class TimingRepeatReader
{
    private static readonly ElementTable Elements = ElementTable.Of<Element>();

    private enum Element
    {
        BoundsDuration,
        BoundsRange,
        BoundsPeriod,
        Count,
        CountMax,
        Duration,
        DurationMax,
        DurationUnit,
        Frequency,
        FrequencyMax,
        Period,
        PeriodMax,
        PeriodUnit,
        DayOfWeek,
        TimeOfDay,
        When,
        Offset,
    }

    /// <summary>Reads a TimingRepeat object where the reader stands.</summary>
    public static TimingRepeat ReadRepeat(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        Quantity? boundsDuration = null;
        Model.Range? boundsRange = null;
        Period? boundsPeriod = null;
        int? count = null;
        int? countMax = null;
        decimal? duration = null;
        decimal? durationMax = null;
        string? durationUnit = null;
        int? frequency = null;
        int? frequencyMax = null;
        decimal? period = null;
        decimal? periodMax = null;
        string? periodUnit = null;
        string[]? dayOfWeek = null;
        string[]? timeOfDay = null;
        string[]? when = null;
        int? offset = null;
        long read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextElement(ref reader, Elements, ref read, ref skipped, out var index))
        {
            switch ((Element)index)
            {
                case Element.BoundsDuration:
                    boundsDuration = DatatypeReading.Object(ref reader, QuantityReader.ReadQuantity);
                    break;
                case Element.BoundsRange:
                    boundsRange = DatatypeReading.Object(ref reader, RangeReader.ReadRange);
                    break;
                case Element.BoundsPeriod:
                    boundsPeriod = DatatypeReading.Object(ref reader, PeriodReader.ReadPeriod);
                    break;
                case Element.Count:
                    count = DatatypeReading.Integer(ref reader);
                    break;
                case Element.CountMax:
                    countMax = DatatypeReading.Integer(ref reader);
                    break;
                case Element.Duration:
                    duration = DatatypeReading.PlainDecimal(ref reader);
                    break;
                case Element.DurationMax:
                    durationMax = DatatypeReading.PlainDecimal(ref reader);
                    break;
                case Element.DurationUnit:
                    durationUnit = DatatypeReading.String(ref reader);
                    break;
                case Element.Frequency:
                    frequency = DatatypeReading.Integer(ref reader);
                    break;
                case Element.FrequencyMax:
                    frequencyMax = DatatypeReading.Integer(ref reader);
                    break;
                case Element.Period:
                    period = DatatypeReading.PlainDecimal(ref reader);
                    break;
                case Element.PeriodMax:
                    periodMax = DatatypeReading.PlainDecimal(ref reader);
                    break;
                case Element.PeriodUnit:
                    periodUnit = DatatypeReading.String(ref reader);
                    break;
                case Element.DayOfWeek:
                    dayOfWeek = DatatypeReading.Strings(ref reader);
                    break;
                case Element.TimeOfDay:
                    timeOfDay = DatatypeReading.Strings(ref reader);
                    break;
                case Element.When:
                    when = DatatypeReading.Strings(ref reader);
                    break;
                case Element.Offset:
                    offset = DatatypeReading.Integer(ref reader);
                    break;
            }
        }

        return new TimingRepeat
        {
            BoundsDuration = boundsDuration,
            BoundsRange = boundsRange,
            BoundsPeriod = boundsPeriod,
            Count = count,
            CountMax = countMax,
            Duration = duration,
            DurationMax = durationMax,
            DurationUnit = durationUnit,
            Frequency = frequency,
            FrequencyMax = frequencyMax,
            Period = period,
            PeriodMax = periodMax,
            PeriodUnit = periodUnit,
            DayOfWeek = dayOfWeek ?? [],
            TimeOfDay = timeOfDay ?? [],
            When = when ?? [],
            Offset = offset,
        };
    }
}
