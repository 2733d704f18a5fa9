using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Resources;

/// <summary>Reads an <see cref="Observation"/> (most of a patient bundle's resources are).</summary>
internal static class ObservationReader
{
    private static readonly ElementTable Elements = ElementTable.Of<Element>(ResourceElements.DomainResourceNames);

    private enum Element
    {
        Identifier,
        BasedOn,
        Status,
        Category,
        Code,
        Subject,
        Encounter,
        EffectiveDateTime,
        EffectivePeriod,
        EffectiveInstant,
        Issued,
        Performer,
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
        Note,
        BodySite,
        Method,
        Specimen,
        ReferenceRange,
        HasMember,
        DerivedFrom,
        Component,
    }

    /// <summary>Reads an Observation object where the reader stands.</summary>
    public static Observation ReadObservation(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        var common = default(ResourceElements);
        Identifier[]? identifier = null;
        Reference[]? basedOn = null, performer = null, hasMember = null, derivedFrom = null;
        string? status = null;
        CodeableConcept[]? category = null, interpretation = null;
        CodeableConcept? code = null, dataAbsentReason = null, bodySite = null, method = null;
        Reference? subject = null, encounter = null, specimen = null;
        FhirDateTime? effectiveDateTime = null, effectiveInstant = null, issued = null;
        Period? effectivePeriod = null;
        var value = default(ObservationValue);
        Annotation[]? note = null;
        ObservationReferenceRange[]? referenceRange = null;
        ObservationComponent[]? component = null;
        long read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextElement(ref reader, Elements, ref read, ref skipped, out var index))
        {
            if (common.TryRead(index, ResourceElements.DomainResourceCount, ref reader)
                || value.TryRead(index - ResourceElements.DomainResourceCount - (int)Element.ValueQuantity, ref reader))
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
                case Element.Status:
                    status = DatatypeReading.String(ref reader);
                    break;
                case Element.Category:
                    category = DatatypeReading.Objects(ref reader, CodeableConceptReader.ReadCodeableConcept);
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
                case Element.EffectiveDateTime:
                    effectiveDateTime = DatatypeReading.DateTime(ref reader);
                    break;
                case Element.EffectivePeriod:
                    effectivePeriod = DatatypeReading.Object(ref reader, PeriodReader.ReadPeriod);
                    break;
                case Element.EffectiveInstant:
                    effectiveInstant = DatatypeReading.DateTime(ref reader);
                    break;
                case Element.Issued:
                    issued = DatatypeReading.DateTime(ref reader);
                    break;
                case Element.Performer:
                    performer = DatatypeReading.Objects(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.DataAbsentReason:
                    dataAbsentReason = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Interpretation:
                    interpretation = DatatypeReading.Objects(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Note:
                    note = DatatypeReading.Objects(ref reader, AnnotationReader.ReadAnnotation);
                    break;
                case Element.BodySite:
                    bodySite = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Method:
                    method = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Specimen:
                    specimen = DatatypeReading.Object(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.ReferenceRange:
                    referenceRange = DatatypeReading.Objects(ref reader, ObservationReferenceRangeReader.ReadReferenceRange);
                    break;
                case Element.HasMember:
                    hasMember = DatatypeReading.Objects(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.DerivedFrom:
                    derivedFrom = DatatypeReading.Objects(ref reader, ReferenceReader.ReadReference);
                    break;
                case Element.Component:
                    component = DatatypeReading.Objects(ref reader, ObservationComponentReader.ReadComponent);
                    break;
            }
        }

        return new Observation
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
            Status = status,
            Category = category ?? [],
            Code = code,
            Subject = subject,
            Encounter = encounter,
            EffectiveDateTime = effectiveDateTime,
            EffectivePeriod = effectivePeriod,
            EffectiveInstant = effectiveInstant,
            Issued = issued,
            Performer = performer ?? [],
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
            Note = note ?? [],
            BodySite = bodySite,
            Method = method,
            Specimen = specimen,
            ReferenceRange = referenceRange ?? [],
            HasMember = hasMember ?? [],
            DerivedFrom = derivedFrom ?? [],
            Component = component ?? [],
        };
    }
}
