using System.Text.Json.Serialization;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json;

/// <summary>Source-generated System.Text.Json metadata for every modelled resource (no reflection at run time).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    Converters = [typeof(FhirDateTimeJsonConverter), typeof(FhirDecimalJsonConverter)])]
[JsonSerializable(typeof(Resource))]
[JsonSerializable(typeof(Bundle))]
[JsonSerializable(typeof(Patient))]
[JsonSerializable(typeof(Observation))]
[JsonSerializable(typeof(Condition))]
[JsonSerializable(typeof(Medication))]
[JsonSerializable(typeof(MedicationRequest))]
[JsonSerializable(typeof(MedicationStatement))]
[JsonSerializable(typeof(MedicationAdministration))]
[JsonSerializable(typeof(Procedure))]
[JsonSerializable(typeof(AllergyIntolerance))]
[JsonSerializable(typeof(CarePlan))]
[JsonSerializable(typeof(ServiceRequest))]
[JsonSerializable(typeof(RequestGroup))]
[JsonSerializable(typeof(DetectedIssue))]
[JsonSerializable(typeof(OperationOutcome))]
[JsonSerializable(typeof(Parameters))]
[JsonSerializable(typeof(PlanDefinition))]
[JsonSerializable(typeof(Provenance))]
[JsonSerializable(typeof(CapabilityStatement))]
internal sealed partial class FhirJsonContext : JsonSerializerContext;
