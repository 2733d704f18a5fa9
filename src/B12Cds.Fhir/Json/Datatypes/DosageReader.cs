using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Datatypes;

/// <summary>Reads a <see cref="Dosage"/> (a medication's instructions).</summary>
internal static class DosageReader
{
    private static readonly ElementTable Elements = ElementTable.Of<Element>();

    private enum Element
    {
        Sequence,
        Text,
        AdditionalInstruction,
        PatientInstruction,
        Timing,
        AsNeededBoolean,
        AsNeededCodeableConcept,
        Site,
        Route,
        Method,
        DoseAndRate,
        MaxDosePerPeriod,
        MaxDosePerAdministration,
        MaxDosePerLifetime,
    }

    /// <summary>Reads a Dosage object where the reader stands.</summary>
    public static Dosage ReadDosage(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        int? sequence = null;
        string? text = null;
        CodeableConcept[]? additionalInstruction = null;
        string? patientInstruction = null;
        Timing? timing = null;
        bool? asNeededBoolean = null;
        CodeableConcept? asNeededCodeableConcept = null;
        CodeableConcept? site = null;
        CodeableConcept? route = null;
        CodeableConcept? method = null;
        DosageDoseAndRate[]? doseAndRate = null;
        Ratio? maxDosePerPeriod = null;
        Quantity? maxDosePerAdministration = null;
        Quantity? maxDosePerLifetime = null;
        long read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextElement(ref reader, Elements, ref read, ref skipped, out var index))
        {
            switch ((Element)index)
            {
                case Element.Sequence:
                    sequence = DatatypeReading.Integer(ref reader);
                    break;
                case Element.Text:
                    text = DatatypeReading.String(ref reader);
                    break;
                case Element.AdditionalInstruction:
                    additionalInstruction = DatatypeReading.Objects(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.PatientInstruction:
                    patientInstruction = DatatypeReading.String(ref reader);
                    break;
                case Element.Timing:
                    timing = DatatypeReading.Object(ref reader, TimingReader.ReadTiming);
                    break;
                case Element.AsNeededBoolean:
                    asNeededBoolean = DatatypeReading.Boolean(ref reader);
                    break;
                case Element.AsNeededCodeableConcept:
                    asNeededCodeableConcept = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Site:
                    site = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Route:
                    route = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.Method:
                    method = DatatypeReading.Object(ref reader, CodeableConceptReader.ReadCodeableConcept);
                    break;
                case Element.DoseAndRate:
                    doseAndRate = DatatypeReading.Objects(ref reader, DosageDoseAndRateReader.ReadDoseAndRate);
                    break;
                case Element.MaxDosePerPeriod:
                    maxDosePerPeriod = DatatypeReading.Object(ref reader, RatioReader.ReadRatio);
                    break;
                case Element.MaxDosePerAdministration:
                    maxDosePerAdministration = DatatypeReading.Object(ref reader, QuantityReader.ReadQuantity);
                    break;
                case Element.MaxDosePerLifetime:
                    maxDosePerLifetime = DatatypeReading.Object(ref reader, QuantityReader.ReadQuantity);
                    break;
            }
        }

        return new Dosage
        {
            Sequence = sequence,
            Text = text,
            AdditionalInstruction = additionalInstruction ?? [],
            PatientInstruction = patientInstruction,
            Timing = timing,
            AsNeededBoolean = asNeededBoolean,
            AsNeededCodeableConcept = asNeededCodeableConcept,
            Site = site,
            Route = route,
            Method = method,
            DoseAndRate = doseAndRate ?? [],
            MaxDosePerPeriod = maxDosePerPeriod,
            MaxDosePerAdministration = maxDosePerAdministration,
            MaxDosePerLifetime = maxDosePerLifetime,
        };
    }
}
