using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Resources;

/// <summary>Reads an <see cref="ObservationReferenceRange"/> (<c>Observation.referenceRange</c>, and a component's).</summary>
internal static class ObservationReferenceRangeReader
{
    /// <summary>Reads a reference range object where the reader stands.</summary>
    public static ObservationReferenceRange ReadReferenceRange(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        Quantity? low = null, high = null;
        CodeableConcept? type = null;
        CodeableConcept[]? appliesTo = null;
        Model.Range? age = null;
        string? text = null;
        var read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("low"u8))
            {
                DatatypeReading.MarkRead(ref read, 0);
                low = DatatypeReading.Object(ref reader, QuantityReader.ReadQuantity);
            }
            else if (name.SequenceEqual("high"u8))
            {
                DatatypeReading.MarkRead(ref read, 1);
                high = DatatypeReading.Object(ref reader, QuantityReader.ReadQuantity);
            }
            else if (name.SequenceEqual("text"u8))
            {
                DatatypeReading.MarkRead(ref read, 2);
                text = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("type"u8))
            {
                DatatypeReading.MarkRead(ref read, 3);
                type = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
            }
            else if (name.SequenceEqual("appliesTo"u8))
            {
                DatatypeReading.MarkRead(ref read, 4);
                appliesTo = DatatypeReading.Objects(ref reader, CodeableConceptReader.ReadCodeableConcept);
            }
            else if (name.SequenceEqual("age"u8))
            {
                DatatypeReading.MarkRead(ref read, 5);
                age = DatatypeReading.Object(ref reader, RangeReader.ReadRange);
            }
            else
            {
                DatatypeReading.SkipUnknown(ref reader, ref skipped);
            }
        }

        return new ObservationReferenceRange { Low = low, High = high, Type = type, AppliesTo = appliesTo ?? [], Age = age, Text = text };
    }
}
