using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Resources;

/// <summary>Reads an <see cref="AllergyIntolerance"/>.</summary>
internal static class AllergyIntoleranceReader
{
    private static readonly ElementTable Elements = ElementTable.Of<Element>(ResourceElements.DomainResourceNames);

    private enum Element
    {
        Identifier,
        ClinicalStatus,
        VerificationStatus,
        Type,
        Category,
        Criticality,
        Code,
        Patient,
        Encounter,
        OnsetDateTime,
        OnsetAge,
        OnsetPeriod,
        OnsetRange,
        OnsetString,
        RecordedDate,
        Recorder,
        Asserter,
        LastOccurrence,
        Note,
        Reaction,
    }

    /// <summary>Reads an AllergyIntolerance object where the reader stands.</summary>
    public static AllergyIntolerance ReadAllergyIntolerance(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        var common = default(ResourceElements);
        Identifier[]? identifier = null;
        CodeableConcept? clinicalStatus = null;
        CodeableConcept? verificationStatus = null;
        string? type = null;
        string[]? category = null;
        string? criticality = null;
        CodeableConcept? code = null;
        Reference? patient = null;
        Reference? encounter = null;
        FhirDateTime? onsetDateTime = null;
        Quantity? onsetAge = null;
        Period? onsetPeriod = null;
        Model.Range? onsetRange = null;
        string? onsetString = null;
        FhirDateTime? recordedDate = null;
        Reference? recorder = null;
        Reference? asserter = null;
        FhirDateTime? lastOccurrence = null;
        Annotation[]? note = null;
        AllergyIntoleranceReaction[]? reaction = null;
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
                case Element.Type:
                    type = DatatypeReading.String(ref reader);
                    break;
                case Element.Category:
                    category = DatatypeReading.Strings(ref reader);
                    break;
                case Element.Criticality:
                    criticality = DatatypeReading.String(ref reader);
                    break;
                case Element.Code:
                    code = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Patient:
                    patient = DatatypeReading.Object(ref reader, ReferenceReader.ReadReference);
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
                case Element.RecordedDate:
                    recordedDate = DatatypeReading.DateTime(ref reader);
                    break;
                case Element.Recorder:
                    recorder = DatatypeReading.Object(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.Asserter:
                    asserter = DatatypeReading.Object(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.LastOccurrence:
                    lastOccurrence = DatatypeReading.DateTime(ref reader);
                    break;
                case Element.Note:
                    note = DatatypeReading.Objects(ref reader, AnnotationReader.ReadAnnotation);
                    break;
                case Element.Reaction:
                    reaction = DatatypeReading.Objects(ref reader, AllergyIntoleranceReactionReader.ReadReaction);
                    break;
            }
        }

        return new AllergyIntolerance
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
            Type = type,
            Category = category ?? [],
            Criticality = criticality,
            Code = code,
            Patient = patient,
            Encounter = encounter,
            OnsetDateTime = onsetDateTime,
            OnsetAge = onsetAge,
            OnsetPeriod = onsetPeriod,
            OnsetRange = onsetRange,
            OnsetString = onsetString,
            RecordedDate = recordedDate,
            Recorder = recorder,
            Asserter = asserter,
            LastOccurrence = lastOccurrence,
            Note = note ?? [],
            Reaction = reaction ?? [],
        };
    }
}
