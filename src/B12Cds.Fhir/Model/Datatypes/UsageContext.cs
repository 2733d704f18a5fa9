namespace B12Cds.Fhir.Model;

/// <summary>The context a knowledge artifact is meant for, e.g. its clinical focus (FHIR <c>UsageContext</c>; only the CodeableConcept value is modelled).</summary>
public sealed record UsageContext
{
    /// <summary>Gets the kind of context (http://terminology.hl7.org/CodeSystem/usage-context-type: focus, age, workflow…).</summary>
    public Coding? Code { get; init; }

    public CodeableConcept? ValueCodeableConcept { get; init; }
}
