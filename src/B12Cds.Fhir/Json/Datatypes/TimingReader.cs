using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Datatypes;

/// <summary>Reads a <see cref="Timing"/>.</summary>
internal static class TimingReader
{
    private static readonly ElementTable Elements = ElementTable.Of<Element>();

    private enum Element
    {
        Event,
        Repeat,
        Code,
    }

    /// <summary>Reads a Timing object where the reader stands.</summary>
    public static Timing ReadTiming(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        FhirDateTime[]? @event = null;
        TimingRepeat? repeat = null;
        CodeableConcept? code = null;
        long read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextElement(ref reader, Elements, ref read, ref skipped, out var index))
        {
            switch ((Element)index)
            {
                case Element.Event:
                    @event = DatatypeReading.DateTimes(ref reader);
                    break;
                case Element.Repeat:
                    repeat = DatatypeReading.Object(ref reader, TimingRepeatReader.ReadRepeat);
                    break;
                case Element.Code:
                    code = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
            }
        }

        return new Timing
        {
            Event = @event ?? [],
            Repeat = repeat,
            Code = code,
        };
    }
}
