using System.Text.Json;
using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Resources;

/// <summary>Reads an <see cref="ObservationComponent"/> (one part of a panel).</summary>
internal sealed class ObservationComponentReader : DatatypeReader<ObservationComponent>
{
    private static readonly ElementTable Elements = ElementTable.Of<Element>();

    private enum Element
    {
        Code,
        ValueQuantity,
        ValueCodeableConcept,
        ValueString,
        ValueBoolean,
        ValueInteger,
        ValueRange,
        ValueRatio,
        ValueTime,
        ValueDateTime,
        ValuePeriod,
        DataAbsentReason,
        Interpretation,
        ReferenceRange,
    }

    /// <inheritdoc/>
    public override ObservationComponent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadComponent(ref reader, options);

    /// <summary>Reads a component object where the reader stands.</summary>
    public static ObservationComponent ReadComponent(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        DatatypeReading.ExpectObject(ref reader);
        CodeableConcept? code = null, valueCodeableConcept = null, dataAbsentReason = null;
        Quantity? valueQuantity = null;
        string? valueString = null, valueTime = null;
        bool? valueBoolean = null;
        int? valueInteger = null;
        Model.Range? valueRange = null;
        Ratio? valueRatio = null;
        FhirDateTime? valueDateTime = null;
        Period? valuePeriod = null;
        List<CodeableConcept>? interpretation = null;
        List<ObservationReferenceRange>? referenceRange = null;
        long read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextElement(ref reader, Elements, ref read, ref skipped, out var index))
        {
            switch ((Element)index)
            {
                case Element.Code:
                    code = DatatypeReading.Object(ref reader, options, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.ValueQuantity:
                    valueQuantity = DatatypeReading.Object(ref reader, options, QuantityReader.ReadQuantity);
                    break;
                case Element.ValueCodeableConcept:
                    valueCodeableConcept = DatatypeReading.Object(ref reader, options, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.ValueString:
                    valueString = DatatypeReading.String(ref reader);
                    break;
                case Element.ValueBoolean:
                    valueBoolean = DatatypeReading.Boolean(ref reader);
                    break;
                case Element.ValueInteger:
                    valueInteger = DatatypeReading.Integer(ref reader);
                    break;
                case Element.ValueRange:
                    valueRange = DatatypeReading.Object(ref reader, options, RangeReader.ReadRange);
                    break;
                case Element.ValueRatio:
                    valueRatio = DatatypeReading.Object(ref reader, options, RatioReader.ReadRatio);
                    break;
                case Element.ValueTime:
                    valueTime = DatatypeReading.String(ref reader);
                    break;
                case Element.ValueDateTime:
                    valueDateTime = DatatypeReading.DateTime(ref reader, options);
                    break;
                case Element.ValuePeriod:
                    valuePeriod = DatatypeReading.Object(ref reader, options, PeriodReader.ReadPeriod);
                    break;
                case Element.DataAbsentReason:
                    dataAbsentReason = DatatypeReading.Object(ref reader, options, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Interpretation:
                    interpretation = DatatypeReading.Objects(ref reader, options, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.ReferenceRange:
                    referenceRange = DatatypeReading.Objects(ref reader, options, ObservationReferenceRangeReader.ReadReferenceRange);
                    break;
            }
        }

        return new ObservationComponent
        {
            Code = code,
            ValueQuantity = valueQuantity,
            ValueCodeableConcept = valueCodeableConcept,
            ValueString = valueString,
            ValueBoolean = valueBoolean,
            ValueInteger = valueInteger,
            ValueRange = valueRange,
            ValueRatio = valueRatio,
            ValueTime = valueTime,
            ValueDateTime = valueDateTime,
            ValuePeriod = valuePeriod,
            DataAbsentReason = dataAbsentReason,
            Interpretation = interpretation ?? [],
            ReferenceRange = referenceRange ?? [],
        };
    }
}
