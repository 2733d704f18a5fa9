using B12Cds.Facts.Model;
using B12Cds.Facts.Terminology;
using B12Cds.Facts.Units;
using B12Cds.Fhir.Model;

namespace B12Cds.Rules.Tests.Support;

/// <summary>
/// Builds facts directly as records, as the fact extractor would from FHIR: each in its value sets (matched by code),
/// with a unique source. Adjust anything else with <c>with { … }</c>.
/// </summary>
public static class TestFacts
{
    private static int _next;

    /// <summary>Value-set memberships, each matched by code.</summary>
    public static IReadOnlyList<ConceptMatch> In(params string[] valueSetIds) =>
        valueSetIds.Select(id => new ConceptMatch(id, MatchKind.Code, null, null)).ToList();

    /// <summary>An instant from a FHIR date or dateTime (a date is midnight UTC).</summary>
    public static DateTimeOffset At(string text) => FhirDateTime.Parse(text).Start;

    /// <summary>
    /// A final lab result reported as <paramref name="value"/> <paramref name="unit"/>; <see cref="LabResult.Value"/> is
    /// converted to the analyte's canonical unit (through its molar mass) as the extractor does.
    /// </summary>
    public static LabResult Lab(string analyte, string effective, decimal value, string unit, string? id = null)
    {
        var definition = TestCatalog.Instance.Analytes[analyte];
        Measurement? canonical = null;
        if (definition.CanonicalUnit is { } to && UnitConversion.TryConvert(value, unit, to, definition.MolarMass, out var converted))
        {
            canonical = new Measurement(converted, to);
        }

        return new LabResult
        {
            Source = Source("Observation", id),
            Analyte = analyte,
            Concepts = In(analyte),
            Effective = FhirDateTime.Parse(effective),
            Status = "final",
            Value = canonical,
            Reported = new Measurement(value, unit),
            Label = definition.Title,
        };
    }

    /// <summary>A final lab result without a usable value (e.g. "sample haemolysed").</summary>
    public static LabResult LabWithoutValue(string analyte, string effective, string? id = null) => new()
    {
        Source = Source("Observation", id),
        Analyte = analyte,
        Concepts = In(analyte),
        Effective = FhirDateTime.Parse(effective),
        Status = "final",
        ValueProblem = "value-missing",
        Label = TestCatalog.Instance.Analytes[analyte].Title,
    };

    /// <summary>A medication in a value set (MedicationStatement), started on <paramref name="start"/>.</summary>
    public static MedicationUse Medication(string valueSet, string? start, FactStatus status = FactStatus.Active, string? route = null, decimal? doseMicrograms = null, string? id = null) => new()
    {
        Source = Source("MedicationStatement", id),
        Concepts = In(valueSet),
        Status = status,
        FhirStatus = status == FactStatus.Active ? "active" : "completed",
        Start = start is null ? null : FhirDateTime.Parse(start),
        Phases = route is null && doseMicrograms is null ? [] : [new DosePhase { Route = route, Dose = doseMicrograms is { } d ? new Measurement(d, "ug") : null }],
        Label = valueSet,
    };

    /// <summary>One dose given (MedicationAdministration).</summary>
    public static MedicationGiven Administration(string valueSet, string effective, decimal? doseMicrograms = null, string? id = null) => new()
    {
        Source = Source("MedicationAdministration", id),
        Concepts = In(valueSet),
        Effective = FhirDateTime.Parse(effective),
        FhirStatus = "completed",
        Route = "route-intramuscular",
        Dose = doseMicrograms is { } d ? new Measurement(d, "ug") : null,
        Label = valueSet,
    };

    /// <summary>A diagnosis or finding (Condition) in a value set.</summary>
    public static Finding Condition(string valueSet, string? onset, FactStatus status = FactStatus.Active, string? id = null) => new()
    {
        Source = Source("Condition", id),
        Concepts = In(valueSet),
        Status = status,
        Verification = "confirmed",
        Onset = onset is null ? null : FhirDateTime.Parse(onset),
        Label = valueSet,
    };

    /// <summary>The patient.</summary>
    public static PatientFact Patient(int? age, string sex = "female", string? id = null) => new()
    {
        Source = Source("Patient", id),
        PatientId = id,
        AgeYears = age,
        Sex = sex,
        Label = "patient",
    };

    /// <summary>A procedure in a value set.</summary>
    public static ProcedureFact Procedure(string valueSet, string? performed, string? id = null) => new()
    {
        Source = Source("Procedure", id),
        Concepts = In(valueSet),
        Performed = performed is null ? null : FhirDateTime.Parse(performed),
        FhirStatus = "completed",
        Label = valueSet,
    };

    /// <summary>An allergy in a value set.</summary>
    public static AllergyFact Allergy(string valueSet, FactStatus status = FactStatus.Active, string? id = null) => new()
    {
        Source = Source("AllergyIntolerance", id),
        Concepts = In(valueSet),
        Status = status,
        Criticality = "high",
        Label = valueSet,
    };

    private static SourceReference Source(string type, string? id)
    {
        id ??= $"{type.ToLowerInvariant()}-{Interlocked.Increment(ref _next)}";
        return new SourceReference(type, id, $"{type}/{id}", $"Bundle.entry[{id}].resource");
    }
}
