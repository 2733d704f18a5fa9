using System.Text.Json;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Datatypes;

/// <summary>Reads a <see cref="Timing"/>.</summary>
internal sealed class TimingReader : DatatypeReader<Timing>
{
    private static readonly ElementTable Elements = ElementTable.Of<Element>();

    private enum Element
    {
        Event,
        Repeat,
        Code,
    }

    /// <inheritdoc/>
    public override Timing Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadTiming(ref reader, options);

    /// <summary>Reads a Timing object where the reader stands.</summary>
    public static Timing ReadTiming(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        DatatypeReading.ExpectObject(ref reader);
        List<FhirDateTime>? @event = null;
        TimingRepeat? repeat = null;
        CodeableConcept? code = null;
        long read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextElement(ref reader, Elements, ref read, ref skipped, out var index))
        {
            switch ((Element)index)
            {
                case Element.Event:
                    @event = DatatypeReading.DateTimes(ref reader, options);
                    break;
                case Element.Repeat:
                    repeat = DatatypeReading.Object(ref reader, options, TimingRepeatReader.ReadRepeat);
                    break;
                case Element.Code:
                    code = DatatypeReading.Object(ref reader, options, CodeableConceptReader.ReadCodeableConcept);
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
