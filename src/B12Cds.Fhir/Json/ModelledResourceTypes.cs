using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json;

/// <summary>The resource types B12 CDS models, by name.</summary>
internal static class ModelledResourceTypes
{
    private static readonly FrozenDictionary<string, Type> ByName = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["Bundle"] = typeof(Bundle),
        ["Patient"] = typeof(Patient),
        ["Observation"] = typeof(Observation),
        ["Condition"] = typeof(Condition),
        ["Medication"] = typeof(Medication),
        ["MedicationRequest"] = typeof(MedicationRequest),
        ["MedicationStatement"] = typeof(MedicationStatement),
        ["MedicationAdministration"] = typeof(MedicationAdministration),
        ["Procedure"] = typeof(Procedure),
        ["AllergyIntolerance"] = typeof(AllergyIntolerance),
        ["CarePlan"] = typeof(CarePlan),
        ["ServiceRequest"] = typeof(ServiceRequest),
        ["RequestGroup"] = typeof(RequestGroup),
        ["DetectedIssue"] = typeof(DetectedIssue),
        ["OperationOutcome"] = typeof(OperationOutcome),
        ["Parameters"] = typeof(Parameters),
        ["PlanDefinition"] = typeof(PlanDefinition),
        ["Provenance"] = typeof(Provenance),
        ["CapabilityStatement"] = typeof(CapabilityStatement),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool TryGet(string name, [NotNullWhen(true)] out Type? type) => ByName.TryGetValue(name, out type);
}
