namespace B12Cds.Service.FhirApi;

/// <summary>The names the FHIR API gives the rule set and the service: stable across deployments, so a Provenance or CarePlan written by one server is understood by another.</summary>
internal static class FhirApiUris
{
    /// <summary>The id of the one PlanDefinition: the active rule set.</summary>
    public const string PlanDefinitionId = "b12-deficiency";

    /// <summary>The canonical URL of the rule set's PlanDefinition (a version is appended as <c>|version</c>).</summary>
    public const string PlanDefinitionUrl = "urn:b12cds:plandefinition:b12-deficiency";

    /// <summary>The R4 OperationDefinition of <c>PlanDefinition/$apply</c>.</summary>
    public const string ApplyOperationDefinition = "http://hl7.org/fhir/OperationDefinition/PlanDefinition-apply";

    /// <summary>The identifier system of the service itself as a FHIR Device (the Provenance and DetectedIssue author).</summary>
    public const string DeviceSystem = "urn:b12cds:device";

    /// <summary>The identifier system of card uuids (<c>DetectedIssue.identifier</c>).</summary>
    public const string CardSystem = "urn:b12cds:card";

    /// <summary>The FHIR JSON media type.</summary>
    public const string FhirJson = "application/fhir+json";

    /// <summary>The canonical of the rule set at a version: <c>url|version</c>.</summary>
    public static string PlanDefinitionCanonical(string version) => $"{PlanDefinitionUrl}|{version}";
}
