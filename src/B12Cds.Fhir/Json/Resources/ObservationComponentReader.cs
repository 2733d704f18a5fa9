using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Resources;

/// <summary>Reads an <see cref="ObservationComponent"/> (one part of a panel).</summary>
internal static class ObservationComponentReader
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

    /// <summary>Reads a component object where the reader stands.</summary>
    public static ObservationComponent ReadComponent(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        CodeableConcept? code = null, dataAbsentReason = null;
        var value = default(ObservationValue);
        CodeableConcept[]? interpretation = null;
        ObservationReferenceRange[]? referenceRange = null;
        long read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextElement(ref reader, Elements, ref read, ref skipped, out var index))
        {
            if (value.TryRead(index - (int)Element.ValueQuantity, ref reader))
            {
                continue;
            }

            switch ((Element)index)
            {
                case Element.Code:
                    code = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.DataAbsentReason:
                    dataAbsentReason = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Interpretation:
                    interpretation = DatatypeReading.Objects(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.ReferenceRange:
                    referenceRange = DatatypeReading.Objects(ref reader, ObservationReferenceRangeReader.ReadReferenceRange);
                    break;
            }
        }

        return new ObservationComponent
        {
            Code = code,
            ValueQuantity = value.Quantity,
            ValueCodeableConcept = value.CodeableConcept,
            ValueString = value.String,
            ValueBoolean = value.Boolean,
            ValueInteger = value.Integer,
            ValueRange = value.Range,
            ValueRatio = value.Ratio,
            ValueTime = value.Time,
            ValueDateTime = value.DateTime,
            ValuePeriod = value.Period,
            DataAbsentReason = dataAbsentReason,
            Interpretation = interpretation ?? [],
            ReferenceRange = referenceRange ?? [],
        };
    }
}
