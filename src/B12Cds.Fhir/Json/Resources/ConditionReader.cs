using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Resources;

/// <summary>Reads a <see cref="Condition"/>.</summary>
internal static class ConditionReader
{
    private static readonly ElementTable Elements = ElementTable.Of<Element>(ResourceElements.DomainResourceNames);

    private enum Element
    {
        Identifier,
        ClinicalStatus,
        VerificationStatus,
        Category,
        Severity,
        Code,
        BodySite,
        Subject,
        Encounter,
        OnsetDateTime,
        OnsetAge,
        OnsetPeriod,
        OnsetRange,
        OnsetString,
        AbatementDateTime,
        AbatementAge,
        AbatementPeriod,
        AbatementRange,
        AbatementString,
        RecordedDate,
        Recorder,
        Asserter,
        Note,
    }

    /// <summary>Reads a Condition object where the reader stands.</summary>
    public static Condition ReadCondition(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        var common = default(ResourceElements);
        Identifier[]? identifier = null;
        CodeableConcept? clinicalStatus = null;
        CodeableConcept? verificationStatus = null;
        CodeableConcept[]? category = null;
        CodeableConcept? severity = null;
        CodeableConcept? code = null;
        CodeableConcept[]? bodySite = null;
        Reference? subject = null;
        Reference? encounter = null;
        FhirDateTime? onsetDateTime = null;
        Quantity? onsetAge = null;
        Period? onsetPeriod = null;
        Model.Range? onsetRange = null;
        string? onsetString = null;
        FhirDateTime? abatementDateTime = null;
        Quantity? abatementAge = null;
        Period? abatementPeriod = null;
        Model.Range? abatementRange = null;
        string? abatementString = null;
        FhirDateTime? recordedDate = null;
        Reference? recorder = null;
        Reference? asserter = null;
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
                case Element.ClinicalStatus:
                    clinicalStatus = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.VerificationStatus:
                    verificationStatus = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Category:
                    category = DatatypeReading.Objects(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Severity:
                    severity = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Code:
                    code = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.BodySite:
                    bodySite = DatatypeReading.Objects(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Subject:
                    subject = DatatypeReading.Object(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.Encounter:
                    encounter = DatatypeReading.Object(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.OnsetDateTime:
                    onsetDateTime = DatatypeReading.DateTime(ref reader);
                    break;
                case Element.OnsetAge:
                    onsetAge = DatatypeReading.Object(ref reader, QuantityReader.ReadQuantity);
                    break;
                case Element.OnsetPeriod:
                    onsetPeriod = DatatypeReading.Object(ref reader, PeriodReader.ReadPeriod);
                    break;
                case Element.OnsetRange:
                    onsetRange = DatatypeReading.Object(ref reader, RangeReader.ReadRange);
                    break;
                case Element.OnsetString:
                    onsetString = DatatypeReading.String(ref reader);
                    break;
                case Element.AbatementDateTime:
                    abatementDateTime = DatatypeReading.DateTime(ref reader);
                    break;
                case Element.AbatementAge:
                    abatementAge = DatatypeReading.Object(ref reader, QuantityReader.ReadQuantity);
                    break;
                case Element.AbatementPeriod:
                    abatementPeriod = DatatypeReading.Object(ref reader, PeriodReader.ReadPeriod);
                    break;
                case Element.AbatementRange:
                    abatementRange = DatatypeReading.Object(ref reader, RangeReader.ReadRange);
                    break;
                case Element.AbatementString:
                    abatementString = DatatypeReading.String(ref reader);
                    break;
                case Element.RecordedDate:
                    recordedDate = DatatypeReading.DateTime(ref reader);
                    break;
                case Element.Recorder:
                    recorder = DatatypeReading.Object(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.Asserter:
                    asserter = DatatypeReading.Object(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.Note:
                    note = DatatypeReading.Objects(ref reader, AnnotationReader.ReadAnnotation);
                    break;
            }
        }

        return new Condition
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
            ClinicalStatus = clinicalStatus,
            VerificationStatus = verificationStatus,
            Category = category ?? [],
            Severity = severity,
            Code = code,
            BodySite = bodySite ?? [],
            Subject = subject,
            Encounter = encounter,
            OnsetDateTime = onsetDateTime,
            OnsetAge = onsetAge,
            OnsetPeriod = onsetPeriod,
            OnsetRange = onsetRange,
            OnsetString = onsetString,
            AbatementDateTime = abatementDateTime,
            AbatementAge = abatementAge,
            AbatementPeriod = abatementPeriod,
            AbatementRange = abatementRange,
            AbatementString = abatementString,
            RecordedDate = recordedDate,
            Recorder = recorder,
            Asserter = asserter,
            Note = note ?? [],
        };
    }
}
