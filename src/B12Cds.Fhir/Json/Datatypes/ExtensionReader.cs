using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Datatypes;

/// <summary>Reads an <see cref="Extension"/>, its nested extensions too.</summary>
internal static class ExtensionReader
{
    private static readonly ElementTable Elements = ElementTable.Of<Element>();

    private enum Element
    {
        Url,
        Extension,
        ValueString,
        ValueCode,
        ValueUri,
        ValueCanonical,
        ValueBoolean,
        ValueInteger,
        ValueDecimal,
        ValueDateTime,
        ValueCoding,
        ValueCodeableConcept,
        ValueQuantity,
        ValueReference,
        ValuePeriod,
    }

    /// <summary>Reads an Extension object where the reader stands.</summary>
    public static Extension ReadExtension(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        string? url = null, valueString = null, valueCode = null, valueUri = null, valueCanonical = null;
        Extension[]? extensions = null;
        bool? valueBoolean = null;
        int? valueInteger = null;
        FhirDecimal? valueDecimal = null;
        FhirDateTime? valueDateTime = null;
        Coding? valueCoding = null;
        CodeableConcept? valueCodeableConcept = null;
        Quantity? valueQuantity = null;
        Reference? valueReference = null;
        Period? valuePeriod = null;
        long read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextElement(ref reader, Elements, ref read, ref skipped, out var index))
        {
            switch ((Element)index)
            {
                case Element.Url:
                    url = DatatypeReading.String(ref reader);
                    break;
                case Element.Extension:
                    extensions = DatatypeReading.Objects(ref reader, ReadExtension);
                    break;
                case Element.ValueString:
                    valueString = DatatypeReading.String(ref reader);
                    break;
                case Element.ValueCode:
                    valueCode = DatatypeReading.String(ref reader);
                    break;
                case Element.ValueUri:
                    valueUri = DatatypeReading.String(ref reader);
                    break;
                case Element.ValueCanonical:
                    valueCanonical = DatatypeReading.String(ref reader);
                    break;
                case Element.ValueBoolean:
                    valueBoolean = DatatypeReading.Boolean(ref reader);
                    break;
                case Element.ValueInteger:
                    valueInteger = DatatypeReading.Integer(ref reader);
                    break;
                case Element.ValueDecimal:
                    valueDecimal = DatatypeReading.Decimal(ref reader);
                    break;
                case Element.ValueDateTime:
                    valueDateTime = DatatypeReading.DateTime(ref reader);
                    break;
                case Element.ValueCoding:
                    valueCoding = DatatypeReading.Object(ref reader, CodingReader.ReadCoding);
                    break;
                case Element.ValueCodeableConcept:
                    valueCodeableConcept = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.ValueQuantity:
                    valueQuantity = DatatypeReading.Object(ref reader, QuantityReader.ReadQuantity);
                    break;
                case Element.ValueReference:
                    valueReference = DatatypeReading.Object(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.ValuePeriod:
                    valuePeriod = DatatypeReading.Object(ref reader, PeriodReader.ReadPeriod);
                    break;
            }
        }

        return new Extension
        {
            Url = url,
            Extensions = extensions ?? [],
            ValueString = valueString,
            ValueCode = valueCode,
            ValueUri = valueUri,
            ValueCanonical = valueCanonical,
            ValueBoolean = valueBoolean,
            ValueInteger = valueInteger,
            ValueDecimal = valueDecimal,
            ValueDateTime = valueDateTime,
            ValueCoding = valueCoding,
            ValueCodeableConcept = valueCodeableConcept,
            ValueQuantity = valueQuantity,
            ValueReference = valueReference,
            ValuePeriod = valuePeriod,
        };
    }
}
