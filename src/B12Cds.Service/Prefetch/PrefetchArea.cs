namespace B12Cds.Service.Prefetch;

/// <summary>The kinds of patient data the rules read, one prefetch key each.</summary>
public enum PrefetchArea
{
    /// <summary>The patient (age and sex): <c>Patient/{id}</c>.</summary>
    Patient,

    /// <summary>Laboratory results: Observations with the rules' lab codes.</summary>
    Labs,

    /// <summary>Conditions (diagnoses, problems, history).</summary>
    Conditions,

    /// <summary>Medication orders.</summary>
    MedicationRequests,

    /// <summary>Medications taken, as the patient or a clinician reports them.</summary>
    MedicationStatements,

    /// <summary>Doses given (e.g. B12 injections).</summary>
    MedicationAdministrations,

    /// <summary>Procedures (e.g. gastrectomy, ileal resection).</summary>
    Procedures,

    /// <summary>Allergies and intolerances (e.g. cobalt).</summary>
    Allergies,

    /// <summary>Findings recorded as Observations rather than Conditions (pregnancy status, symptoms, diet, nitrous oxide use).</summary>
    Findings,
}
