using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Resources;

/// <summary>Reads a <see cref="MedicationRequest"/>.</summary>
internal static class MedicationRequestReader
{
    private static readonly ElementTable Elements = ElementTable.Of<Element>(ResourceElements.DomainResourceNames);

    private enum Element
    {
        Identifier,
        Status,
        StatusReason,
        Intent,
        Category,
        Priority,
        DoNotPerform,
        ReportedBoolean,
        ReportedReference,
        MedicationCodeableConcept,
        MedicationReference,
        Subject,
        Encounter,
        SupportingInformation,
        AuthoredOn,
        Requester,
        ReasonCode,
        ReasonReference,
        InstantiatesCanonical,
        BasedOn,
        GroupIdentifier,
        CourseOfTherapyType,
        Note,
        DosageInstruction,
        DispenseRequest,
        PriorPrescription,
    }

    /// <summary>Reads a MedicationRequest object where the reader stands.</summary>
    public static MedicationRequest ReadMedicationRequest(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        var common = default(ResourceElements);
        Identifier[]? identifier = null;
        string? status = null;
        CodeableConcept? statusReason = null;
        string? intent = null;
        CodeableConcept[]? category = null;
        string? priority = null;
        bool? doNotPerform = null;
        bool? reportedBoolean = null;
        Reference? reportedReference = null;
        CodeableConcept? medicationCodeableConcept = null;
        Reference? medicationReference = null;
        Reference? subject = null;
        Reference? encounter = null;
        Reference[]? supportingInformation = null;
        FhirDateTime? authoredOn = null;
        Reference? requester = null;
        CodeableConcept[]? reasonCode = null;
        Reference[]? reasonReference = null;
        string[]? instantiatesCanonical = null;
        Reference[]? basedOn = null;
        Identifier? groupIdentifier = null;
        CodeableConcept? courseOfTherapyType = null;
        Annotation[]? note = null;
        Dosage[]? dosageInstruction = null;
        MedicationRequestDispenseRequest? dispenseRequest = null;
        Reference? priorPrescription = null;
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
                case Element.Intent:
                    intent = DatatypeReading.String(ref reader);
                    break;
                case Element.Category:
                    category = DatatypeReading.Objects(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Priority:
                    priority = DatatypeReading.String(ref reader);
                    break;
                case Element.DoNotPerform:
                    doNotPerform = DatatypeReading.Boolean(ref reader);
                    break;
                case Element.ReportedBoolean:
                    reportedBoolean = DatatypeReading.Boolean(ref reader);
                    break;
                case Element.ReportedReference:
                    reportedReference = DatatypeReading.Object(ref reader, ReferenceReader.ReadReference);
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
                case Element.Encounter:
                    encounter = DatatypeReading.Object(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.SupportingInformation:
                    supportingInformation = DatatypeReading.Objects(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.AuthoredOn:
                    authoredOn = DatatypeReading.DateTime(ref reader);
                    break;
                case Element.Requester:
                    requester = DatatypeReading.Object(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.ReasonCode:
                    reasonCode = DatatypeReading.Objects(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.ReasonReference:
                    reasonReference = DatatypeReading.Objects(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.InstantiatesCanonical:
                    instantiatesCanonical = DatatypeReading.Strings(ref reader);
                    break;
                case Element.BasedOn:
                    basedOn = DatatypeReading.Objects(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.GroupIdentifier:
                    groupIdentifier = DatatypeReading.Object(ref reader, IdentifierReader.ReadIdentifier);
                    break;
                case Element.CourseOfTherapyType:
                    courseOfTherapyType = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Note:
                    note = DatatypeReading.Objects(ref reader, AnnotationReader.ReadAnnotation);
                    break;
                case Element.DosageInstruction:
                    dosageInstruction = DatatypeReading.Objects(ref reader, DosageReader.ReadDosage);
                    break;
                case Element.DispenseRequest:
                    dispenseRequest = DatatypeReading.Object(ref reader, MedicationRequestDispenseRequestReader.ReadDispenseRequest);
                    break;
                case Element.PriorPrescription:
                    priorPrescription = DatatypeReading.Object(ref reader, ReferenceReader.ReadReference);
                    break;
            }
        }

        return new MedicationRequest
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
            Intent = intent,
            Category = category ?? [],
            Priority = priority,
            DoNotPerform = doNotPerform,
            ReportedBoolean = reportedBoolean,
            ReportedReference = reportedReference,
            MedicationCodeableConcept = medicationCodeableConcept,
            MedicationReference = medicationReference,
            Subject = subject,
            Encounter = encounter,
            SupportingInformation = supportingInformation ?? [],
            AuthoredOn = authoredOn,
            Requester = requester,
            ReasonCode = reasonCode ?? [],
            ReasonReference = reasonReference ?? [],
            InstantiatesCanonical = instantiatesCanonical ?? [],
            BasedOn = basedOn ?? [],
            GroupIdentifier = groupIdentifier,
            CourseOfTherapyType = courseOfTherapyType,
            Note = note ?? [],
            DosageInstruction = dosageInstruction ?? [],
            DispenseRequest = dispenseRequest,
            PriorPrescription = priorPrescription,
        };
    }
}
