using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json;

/// <summary>
/// The resource types B12 CDS models, by name. To model another type: add its line here, and a
/// <c>[JsonSerializable(typeof(T))]</c> for it in <see cref="FhirJsonContext"/>.
/// </summary>
internal static class ModelledResourceTypes
{
    private static readonly FrozenDictionary<string, ModelledResourceType> ByName = new Dictionary<string, ModelledResourceType>(StringComparer.Ordinal)
    {
        ["Bundle"] = ModelledResourceType.Of<Bundle>(),
        ["Patient"] = ModelledResourceType.Of<Patient>(),
        ["Observation"] = ModelledResourceType.Of<Observation>(),
        ["Condition"] = ModelledResourceType.Of<Condition>(),
        ["Medication"] = ModelledResourceType.Of<Medication>(),
        ["MedicationRequest"] = ModelledResourceType.Of<MedicationRequest>(),
        ["MedicationStatement"] = ModelledResourceType.Of<MedicationStatement>(),
        ["MedicationAdministration"] = ModelledResourceType.Of<MedicationAdministration>(),
        ["Procedure"] = ModelledResourceType.Of<Procedure>(),
        ["AllergyIntolerance"] = ModelledResourceType.Of<AllergyIntolerance>(),
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

    public static bool TryGet(string name, [NotNullWhen(true)] out ModelledResourceType? type) => ByName.TryGetValue(name, out type);
}
