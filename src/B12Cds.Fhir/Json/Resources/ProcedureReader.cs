using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Resources;

/// <summary>Reads a <see cref="Procedure"/>.</summary>
internal static class ProcedureReader
{
    private static readonly ElementTable Elements = ElementTable.Of<Element>(ResourceElements.DomainResourceNames);

    private enum Element
    {
        Identifier,
        Status,
        StatusReason,
        Category,
        Code,
        Subject,
        Encounter,
        PerformedDateTime,
        PerformedPeriod,
        PerformedString,
        PerformedAge,
        PerformedRange,
        ReasonCode,
        ReasonReference,
        BodySite,
        Outcome,
        Note,
    }

    /// <summary>Reads a Procedure object where the reader stands.</summary>
    public static Procedure ReadProcedure(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        var common = default(ResourceElements);
        Identifier[]? identifier = null;
        string? status = null;
        CodeableConcept? statusReason = null;
        CodeableConcept? category = null;
        CodeableConcept? code = null;
        Reference? subject = null;
        Reference? encounter = null;
        FhirDateTime? performedDateTime = null;
        Period? performedPeriod = null;
        string? performedString = null;
        Quantity? performedAge = null;
        Model.Range? performedRange = null;
        CodeableConcept[]? reasonCode = null;
        Reference[]? reasonReference = null;
        CodeableConcept[]? bodySite = null;
        CodeableConcept? outcome = null;
        Annotation[]? note = null;
        long read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextElement(ref reader, Elements, ref read, ref skipped, out var index))
        {
            if (common.TryRead(index, ResourceElements.DomainResourceCount, ref reader))
            {
                continue;
            }

            switch ((Element)(index - ResourceElements.DomainResourceCount))
            {
                case Element.Identifier:
                    identifier = DatatypeReading.Objects(ref reader, IdentifierReader.ReadIdentifier);
                    break;
                case Element.Status:
                    status = DatatypeReading.String(ref reader);
                    break;
                case Element.StatusReason:
                    statusReason = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Category:
                    category = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Code:
                    code = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Subject:
                    subject = DatatypeReading.Object(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.Encounter:
                    encounter = DatatypeReading.Object(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.PerformedDateTime:
                    performedDateTime = DatatypeReading.DateTime(ref reader);
                    break;
                case Element.PerformedPeriod:
                    performedPeriod = DatatypeReading.Object(ref reader, PeriodReader.ReadPeriod);
                    break;
                case Element.PerformedString:
                    performedString = DatatypeReading.String(ref reader);
                    break;
                case Element.PerformedAge:
                    performedAge = DatatypeReading.Object(ref reader, QuantityReader.ReadQuantity);
                    break;
                case Element.PerformedRange:
                    performedRange = DatatypeReading.Object(ref reader, RangeReader.ReadRange);
                    break;
                case Element.ReasonCode:
                    reasonCode = DatatypeReading.Objects(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.ReasonReference:
                    reasonReference = DatatypeReading.Objects(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.BodySite:
                    bodySite = DatatypeReading.Objects(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Outcome:
                    outcome = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Note:
                    note = DatatypeReading.Objects(ref reader, AnnotationReader.ReadAnnotation);
                    break;
            }
        }

        return new Procedure
        {
            Id = common.Id,
            Meta = common.Meta,
            ImplicitRules = common.ImplicitRules,
            Language = common.Language,
            Text = common.Text,
            Contained = common.Contained ?? [],
            Extension = common.Extension ?? [],
            ModifierExtension = common.ModifierExtension ?? [],
            Identifier = identifier ?? [],
            Status = status,
            StatusReason = statusReason,
            Category = category,
            Code = code,
            Subject = subject,
            Encounter = encounter,
            PerformedDateTime = performedDateTime,
            PerformedPeriod = performedPeriod,
            PerformedString = performedString,
            PerformedAge = performedAge,
            PerformedRange = performedRange,
            ReasonCode = reasonCode ?? [],
            ReasonReference = reasonReference ?? [],
            BodySite = bodySite ?? [],
            Outcome = outcome,
            Note = note ?? [],
        };
    }
}
