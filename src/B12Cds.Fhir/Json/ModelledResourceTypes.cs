using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Json.Resources;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json;

/// <summary>
/// The resource types B12 CDS models, by name, with the hand-written readers of those it reads. To model another type:
/// add its line here, and a <c>[JsonSerializable(typeof(T))]</c> for it in <see cref="FhirJsonContext"/>.
/// </summary>
internal static class ModelledResourceTypes
{
    private static readonly FrozenDictionary<string, ModelledResourceType> ByName = new Dictionary<string, ModelledResourceType>(StringComparer.Ordinal)
    {
        ["Bundle"] = ModelledResourceType.Of<Bundle>(BundleReader.ReadBundle),
        ["Patient"] = ModelledResourceType.Of<Patient>(PatientReader.ReadPatient),
        ["Observation"] = ModelledResourceType.Of<Observation>(ObservationReader.ReadObservation),
        ["Condition"] = ModelledResourceType.Of<Condition>(ConditionReader.ReadCondition),
        ["Medication"] = ModelledResourceType.Of<Medication>(MedicationReader.ReadMedication),
        ["MedicationRequest"] = ModelledResourceType.Of<MedicationRequest>(MedicationRequestReader.ReadMedicationRequest),
        ["MedicationStatement"] = ModelledResourceType.Of<MedicationStatement>(MedicationStatementReader.ReadMedicationStatement),
        ["MedicationAdministration"] = ModelledResourceType.Of<MedicationAdministration>(MedicationAdministrationReader.ReadMedicationAdministration),
        ["Procedure"] = ModelledResourceType.Of<Procedure>(ProcedureReader.ReadProcedure),
        ["AllergyIntolerance"] = ModelledResourceType.Of<AllergyIntolerance>(AllergyIntoleranceReader.ReadAllergyIntolerance),
        ["CarePlan"] = ModelledResourceType.Of<CarePlan>(),
        ["ServiceRequest"] = ModelledResourceType.Of<ServiceRequest>(),
        ["RequestGroup"] = ModelledResourceType.Of<RequestGroup>(),
        ["DetectedIssue"] = ModelledResourceType.Of<DetectedIssue>(),
        ["OperationOutcome"] = ModelledResourceType.Of<OperationOutcome>(),
        ["Parameters"] = ModelledResourceType.Of<Parameters>(),
        ["PlanDefinition"] = ModelledResourceType.Of<PlanDefinition>(),
        ["Provenance"] = ModelledResourceType.Of<Provenance>(),
        ["CapabilityStatement"] = ModelledResourceType.Of<CapabilityStatement>(),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly ModelledResourceType[] ByIndex = [.. ByName.Values];

    /// <summary>The names of <see cref="ByIndex"/>, looked up by their UTF-8 bytes.</summary>
    private static readonly ElementTable Names = ElementTable.Of([.. ByName.Keys]);

    /// <summary>Finds a modelled type by the UTF-8 bytes of its name, as they are in the JSON (unescaped).</summary>
    public static bool TryGet(ReadOnlySpan<byte> name, [NotNullWhen(true)] out ModelledResourceType? type)
    {
        var index = Names.Find(name);
        type = index < 0 ? null : ByIndex[index];
        return type is not null;
    }

    public static bool TryGet(string name, [NotNullWhen(true)] out ModelledResourceType? type) => ByName.TryGetValue(name, out type);
}
