using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Resources;

/// <summary>Reads a <see cref="Patient"/>.</summary>
internal static class PatientReader
{
    private static readonly ElementTable Elements = ElementTable.Of<Element>(ResourceElements.DomainResourceNames);

    private enum Element
    {
        Identifier,
        Active,
        Name,
        Gender,
        BirthDate,
        DeceasedBoolean,
        DeceasedDateTime,
        ManagingOrganization,
    }

    /// <summary>Reads a Patient object where the reader stands.</summary>
    public static Patient ReadPatient(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        var common = default(ResourceElements);
        Identifier[]? identifier = null;
        bool? active = null;
        HumanName[]? humanNames = null;
        string? gender = null;
        FhirDateTime? birthDate = null;
        bool? deceasedBoolean = null;
        FhirDateTime? deceasedDateTime = null;
        Reference? managingOrganization = null;
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
                case Element.Active:
                    active = DatatypeReading.Boolean(ref reader);
                    break;
                case Element.Name:
                    humanNames = DatatypeReading.Objects(ref reader, HumanNameReader.ReadHumanName);
                    break;
                case Element.Gender:
                    gender = DatatypeReading.String(ref reader);
                    break;
                case Element.BirthDate:
                    birthDate = DatatypeReading.DateTime(ref reader);
                    break;
                case Element.DeceasedBoolean:
                    deceasedBoolean = DatatypeReading.Boolean(ref reader);
                    break;
                case Element.DeceasedDateTime:
                    deceasedDateTime = DatatypeReading.DateTime(ref reader);
                    break;
                case Element.ManagingOrganization:
                    managingOrganization = DatatypeReading.Object(ref reader, ReferenceReader.ReadReference);
                    break;
            }
        }

        return new Patient
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
            Active = active,
            Name = humanNames ?? [],
            Gender = gender,
            BirthDate = birthDate,
            DeceasedBoolean = deceasedBoolean,
            DeceasedDateTime = deceasedDateTime,
            ManagingOrganization = managingOrganization,
        };
    }
}
