using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Resources;

/// <summary>Reads a <see cref="MedicationStatement"/>.</summary>
internal static class MedicationStatementReader
{
    private static readonly ElementTable Elements = ElementTable.Of<Element>(ResourceElements.DomainResourceNames);

    private enum Element
    {
        Identifier,
        BasedOn,
        PartOf,
        Status,
        StatusReason,
        Category,
        MedicationCodeableConcept,
        MedicationReference,
        Subject,
        Context,
        EffectiveDateTime,
        EffectivePeriod,
        DateAsserted,
        InformationSource,
        DerivedFrom,
        ReasonCode,
        ReasonReference,
        Note,
        Dosage,
    }

    /// <summary>Reads a MedicationStatement object where the reader stands.</summary>
    public static MedicationStatement ReadMedicationStatement(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        var common = default(ResourceElements);
        Identifier[]? identifier = null;
        Reference[]? basedOn = null;
        Reference[]? partOf = null;
        string? status = null;
        CodeableConcept[]? statusReason = null;
        CodeableConcept? category = null;
        CodeableConcept? medicationCodeableConcept = null;
        Reference? medicationReference = null;
        Reference? subject = null;
        Reference? context = null;
        FhirDateTime? effectiveDateTime = null;
        Period? effectivePeriod = null;
        FhirDateTime? dateAsserted = null;
        Reference? informationSource = null;
        Reference[]? derivedFrom = null;
        CodeableConcept[]? reasonCode = null;
        Reference[]? reasonReference = null;
        Annotation[]? note = null;
        Dosage[]? dosage = null;
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
                case Element.BasedOn:
                    basedOn = DatatypeReading.Objects(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.PartOf:
                    partOf = DatatypeReading.Objects(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.Status:
                    status = DatatypeReading.String(ref reader);
                    break;
                case Element.StatusReason:
                    statusReason = DatatypeReading.Objects(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Category:
                    category = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.MedicationCodeableConcept:
                    medicationCodeableConcept = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.MedicationReference:
                    medicationReference = DatatypeReading.Object(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.Subject:
                    subject = DatatypeReading.Object(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.Context:
                    context = DatatypeReading.Object(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.EffectiveDateTime:
                    effectiveDateTime = DatatypeReading.DateTime(ref reader);
                    break;
                case Element.EffectivePeriod:
                    effectivePeriod = DatatypeReading.Object(ref reader, PeriodReader.ReadPeriod);
                    break;
                case Element.DateAsserted:
                    dateAsserted = DatatypeReading.DateTime(ref reader);
                    break;
                case Element.InformationSource:
                    informationSource = DatatypeReading.Object(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.DerivedFrom:
                    derivedFrom = DatatypeReading.Objects(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.ReasonCode:
                    reasonCode = DatatypeReading.Objects(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.ReasonReference:
                    reasonReference = DatatypeReading.Objects(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.Note:
                    note = DatatypeReading.Objects(ref reader, AnnotationReader.ReadAnnotation);
                    break;
                case Element.Dosage:
                    dosage = DatatypeReading.Objects(ref reader, DosageReader.ReadDosage);
                    break;
            }
        }

        return new MedicationStatement
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
            BasedOn = basedOn ?? [],
            PartOf = partOf ?? [],
            Status = status,
            StatusReason = statusReason ?? [],
            Category = category,
            MedicationCodeableConcept = medicationCodeableConcept,
            MedicationReference = medicationReference,
            Subject = subject,
            Context = context,
            EffectiveDateTime = effectiveDateTime,
            EffectivePeriod = effectivePeriod,
            DateAsserted = dateAsserted,
            InformationSource = informationSource,
            DerivedFrom = derivedFrom ?? [],
            ReasonCode = reasonCode ?? [],
            ReasonReference = reasonReference ?? [],
            Note = note ?? [],
            Dosage = dosage ?? [],
        };
    }
}
