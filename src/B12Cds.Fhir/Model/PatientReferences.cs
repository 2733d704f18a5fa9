namespace B12Cds.Fhir.Model;

/// <summary>Which patient a clinical resource is about: its <c>subject</c> (or, for AllergyIntolerance, <c>patient</c>).</summary>
public static class PatientReferences
{
    /// <summary>Returns the reference to the patient <paramref name="resource"/> is about, or null for resources that have none.</summary>
    public static Reference? SubjectOf(Resource resource) => resource switch
    {
        Observation o => o.Subject,
        Condition c => c.Subject,
        MedicationRequest m => m.Subject,
        MedicationStatement m => m.Subject,
        MedicationAdministration m => m.Subject,
        Procedure p => p.Subject,
        AllergyIntolerance a => a.Patient,
        ServiceRequest s => s.Subject,
        CarePlan c => c.Subject,
        DetectedIssue d => d.Patient,
        _ => null,
    };
}
