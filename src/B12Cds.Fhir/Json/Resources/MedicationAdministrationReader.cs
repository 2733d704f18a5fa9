using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Resources;

/// <summary>Reads a <see cref="MedicationAdministration"/>.</summary>
internal static class MedicationAdministrationReader
{
    private static readonly ElementTable Elements = ElementTable.Of<Element>(ResourceElements.DomainResourceNames);

    private enum Element
    {
        Identifier,
        Instantiates,
        PartOf,
        Status,
        StatusReason,
        Category,
        MedicationCodeableConcept,
        MedicationReference,
        Subject,
        Context,
        SupportingInformation,
        EffectiveDateTime,
        EffectivePeriod,
        ReasonCode,
        ReasonReference,
        Request,
        Note,
        Dosage,
    }

    /// <summary>Reads a MedicationAdministration object where the reader stands.</summary>
    public static MedicationAdministration ReadMedicationAdministration(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        var common = default(ResourceElements);
        Identifier[]? identifier = null;
        string[]? instantiates = null;
        Reference[]? partOf = null;
        string? status = null;
        CodeableConcept[]? statusReason = null;
        CodeableConcept? category = null;
        CodeableConcept? medicationCodeableConcept = null;
        Reference? medicationReference = null;
        Reference? subject = null;
        Reference? context = null;
        Reference[]? supportingInformation = null;
        FhirDateTime? effectiveDateTime = null;
        Period? effectivePeriod = null;
        CodeableConcept[]? reasonCode = null;
        Reference[]? reasonReference = null;
        Reference? request = null;
        Annotation[]? note = null;
        MedicationAdministrationDosage? dosage = null;
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
                case Element.Instantiates:
                    instantiates = DatatypeReading.Strings(ref reader);
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
                case Element.SupportingInformation:
                    supportingInformation = DatatypeReading.Objects(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.EffectiveDateTime:
                    effectiveDateTime = DatatypeReading.DateTime(ref reader);
                    break;
                case Element.EffectivePeriod:
                    effectivePeriod = DatatypeReading.Object(ref reader, PeriodReader.ReadPeriod);
                    break;
                case Element.ReasonCode:
                    reasonCode = DatatypeReading.Objects(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.ReasonReference:
                    reasonReference = DatatypeReading.Objects(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.Request:
                    request = DatatypeReading.Object(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.Note:
                    note = DatatypeReading.Objects(ref reader, AnnotationReader.ReadAnnotation);
                    break;
                case Element.Dosage:
                    dosage = DatatypeReading.Object(ref reader, MedicationAdministrationDosageReader.ReadDosage);
                    break;
            }
        }

        return new MedicationAdministration
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
            Instantiates = instantiates ?? [],
            PartOf = partOf ?? [],
            Status = status,
            StatusReason = statusReason ?? [],
            Category = category,
            MedicationCodeableConcept = medicationCodeableConcept,
            MedicationReference = medicationReference,
            Subject = subject,
            Context = context,
            SupportingInformation = supportingInformation ?? [],
            EffectiveDateTime = effectiveDateTime,
            EffectivePeriod = effectivePeriod,
            ReasonCode = reasonCode ?? [],
            ReasonReference = reasonReference ?? [],
            Request = request,
            Note = note ?? [],
            Dosage = dosage,
        };
    }
}
