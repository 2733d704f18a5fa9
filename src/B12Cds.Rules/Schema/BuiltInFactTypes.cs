using B12Cds.Facts.Model;
using B12Cds.Facts.Terminology;
using B12Cds.Rules.Engine;

namespace B12Cds.Rules.Schema;

/// <summary>
/// The fact types that come from FHIR, as rule files name them, with every field a rule can read. This table is
/// the rule language's vocabulary: <c>b12cds lint --schema</c> prints it.
/// </summary>
internal static class BuiltInFactTypes
{
    public static IEnumerable<FactTypeSchema> Create(TerminologyCatalog terminology)
    {
        var molarMass = terminology.Analytes.Values.ToDictionary(a => a.Id, a => a.MolarMass, StringComparer.Ordinal);
        decimal? MolarMassOf(LabResult lab) => molarMass.GetValueOrDefault(lab.Analyte);

        yield return new FactTypeSchema(
            "patient",
            "The patient evaluated: age at the evaluation time, sex.",
            [
                Field<PatientFact>("age", ExprType.Number, p => Value.FromNumber(p.AgeYears), "Age in whole years at the evaluation time."),
                Field<PatientFact>("sex", ExprType.Text, p => Value.FromText(p.Sex), "Administrative gender: male, female, other, unknown."),
                Field<PatientFact>("birth_date", ExprType.Date, p => Value.FromDate(p.BirthDate), "Date of birth."),
                Field<PatientFact>("deceased", ExprType.Boolean, p => Value.FromBoolean(p.Deceased), "Recorded as deceased."),
                .. Common(),
            ],
            date: null,
            isDerived: false);

        yield return new FactTypeSchema(
            "lab",
            "A laboratory result for one analyte (an Observation or one component of a panel).",
            [
                Field<LabResult>("analyte", ExprType.Text, l => Value.FromText(l.Analyte), "The analyte id, e.g. b12-total."),
                Field<LabResult>("value", ExprType.Quantity(null), l => Value.FromMeasurement(l.Value, MolarMassOf(l)), "The value in the analyte's unit; compared after unit conversion (mass and molar units through the analyte's molar mass)."),
                Field<LabResult>("reported", ExprType.Quantity(null), l => Value.FromMeasurement(l.Reported), "The value as reported; compared only with units of the same kind (no mass-molar conversion), for thresholds the guideline gives per unit."),
                Field<LabResult>("result", ExprType.Text, l => Value.FromText(ResultText(l)), "The result as reported, for card text: \"<100 ng/L\", \"150 pg/mL\", \"Positive\"."),
                Field<LabResult>("comparator", ExprType.Text, l => Value.FromText(l.Comparator), "<, <=, >= or > for a censored result such as <50."),
                Field<LabResult>("effective", ExprType.Date, l => Value.FromDate(l.Effective), "When the sample was taken (or the result issued)."),
                Field<LabResult>("status", ExprType.Text, l => Value.FromText(l.Status), "final, amended, corrected or preliminary."),
                Field<LabResult>("value_text", ExprType.Text, l => Value.FromText(l.ValueText), "A text or coded result as text."),
                Field<LabResult>("value_problem", ExprType.Text, l => Value.FromText(l.ValueProblem), "Why the value is unusable: unit-missing, unit-unknown, unit-not-convertible, value-missing, value-out-of-range."),
                Field<LabResult>("reference_low", ExprType.Quantity(null), l => Value.FromMeasurement(l.ReferenceLow, MolarMassOf(l)), "The lab's reference range low bound."),
                Field<LabResult>("reference_high", ExprType.Quantity(null), l => Value.FromMeasurement(l.ReferenceHigh, MolarMassOf(l)), "The lab's reference range high bound."),
                Field<LabResult>("positive", ExprType.Boolean, l => Value.FromBoolean(l.IsPositive), "A qualitative result that is positive."),
                Field<LabResult>("negative", ExprType.Boolean, l => Value.FromBoolean(l.IsNegative), "A qualitative result that is negative."),
                Field<LabResult>("flagged_low", ExprType.Boolean, l => Value.FromBoolean(FlaggedLow(l)), "Flagged low by the lab (L, LL) or below its reference range."),
                Field<LabResult>("flagged_high", ExprType.Boolean, l => Value.FromBoolean(FlaggedHigh(l)), "Flagged high by the lab (H, HH) or above its reference range."),
                .. Common(),
            ],
            date: f => ((LabResult)f).Effective.Start,
            isDerived: false);

        yield return new FactTypeSchema(
            "finding",
            "A diagnosis, problem, symptom or finding, from a Condition or a non-laboratory Observation.",
            [
                Field<Finding>("status", ExprType.Text, f => Value.FromText(StatusText(f.Status)), "active or inactive (resolved, in remission)."),
                Field<Finding>("verification", ExprType.Text, f => Value.FromText(f.Verification), "confirmed, provisional, differential or unconfirmed."),
                Field<Finding>("onset", ExprType.Date, f => Value.FromDate(f.Onset), "When it started (Condition onset, Observation effective time)."),
                Field<Finding>("abatement", ExprType.Date, f => Value.FromDate(f.Abatement), "When it ended."),
                Field<Finding>("recorded", ExprType.Date, f => Value.FromDate(f.Recorded), "When it was recorded."),
                Field<Finding>("origin", ExprType.Text, f => Value.FromText(f.Origin), "Condition or Observation."),
                .. Common(),
            ],
            date: f => ((Finding)f) is var x && (x.Onset ?? x.Recorded) is { } d ? d.Start : null,
            isDerived: false);

        yield return new FactTypeSchema(
            "medication",
            "A medication taken, taken before, or being ordered (MedicationRequest or MedicationStatement).",
            [
                Field<MedicationUse>("status", ExprType.Text, m => Value.FromText(StatusText(m.Status)), "active, inactive (completed, stopped) or proposed (draft or proposal: being ordered)."),
                Field<MedicationUse>("fhir_status", ExprType.Text, m => Value.FromText(m.FhirStatus), "The FHIR status as written."),
                Field<MedicationUse>("intent", ExprType.Text, m => Value.FromText(m.Intent), "order, plan, proposal… (requests only)."),
                Field<MedicationUse>("start", ExprType.Date, m => Value.FromDate(m.Start), "When it started or was ordered."),
                Field<MedicationUse>("end", ExprType.Date, m => Value.FromDate(m.End), "When it ended or ends."),
                Field<MedicationUse>("route", ExprType.Text, m => Value.FromText(m.Route), "The route of the first dosage phase, as a value set id: route-intramuscular, route-oral, …"),
                Field<MedicationUse>("dose", ExprType.Quantity("ug"), m => Value.FromMeasurement(m.Dose), "The dose per administration in the first dosage phase (a mass in micrograms)."),
                Field<MedicationUse>("interval_days", ExprType.Number, m => Value.FromNumber(m.IntervalDays), "Days between doses in the first dosage phase: 1 daily, 7 weekly."),
                Field<MedicationUse>("daily_dose", ExprType.Quantity("ug/d"), m => m.DailyDoseMicrograms is { } d ? Value.FromQuantity(d, "ug/d") : Value.Null, "Average dose per day in the first dosage phase."),
                Field<MedicationUse>("phases", ExprType.Number, m => Value.FromNumber(m.Phases.Count), "Number of dosage phases (2 for loading then maintenance)."),
                Field<MedicationUse>("maintenance_route", ExprType.Text, m => Value.FromText(m.MaintenanceRoute), "The route of the last dosage phase (the maintenance after loading; for a single-phase order, route)."),
                Field<MedicationUse>("maintenance_dose", ExprType.Quantity("ug"), m => Value.FromMeasurement(m.MaintenanceDose), "The dose per administration of the last dosage phase (a mass in micrograms; for a single-phase order, dose)."),
                Field<MedicationUse>("maintenance_interval_days", ExprType.Number, m => Value.FromNumber(m.MaintenanceIntervalDays), "Days between doses in the last dosage phase (the maintenance after loading; for a single-phase order, interval_days)."),
                Field<MedicationUse>("origin", ExprType.Text, m => Value.FromText(m.Origin), "MedicationRequest or MedicationStatement."),
                .. Common(),
            ],
            date: f => ((MedicationUse)f).Start?.Start,
            isDerived: false);

        yield return new FactTypeSchema(
            "administration",
            "One dose actually given (MedicationAdministration), e.g. one B12 injection.",
            [
                Field<MedicationGiven>("effective", ExprType.Date, g => Value.FromDate(g.Effective), "When it was given."),
                Field<MedicationGiven>("status", ExprType.Text, g => Value.FromText(g.FhirStatus), "completed, in-progress, stopped."),
                Field<MedicationGiven>("route", ExprType.Text, g => Value.FromText(g.Route), "The route value set id."),
                Field<MedicationGiven>("dose", ExprType.Quantity("ug"), g => Value.FromMeasurement(g.Dose), "The dose given."),
                .. Common(),
            ],
            date: f => ((MedicationGiven)f).Effective.Start,
            isDerived: false);

        yield return new FactTypeSchema(
            "procedure",
            "A procedure performed, e.g. a gastrectomy.",
            [
                Field<ProcedureFact>("performed", ExprType.Date, p => Value.FromDate(p.Performed), "When it was performed."),
                Field<ProcedureFact>("status", ExprType.Text, p => Value.FromText(p.FhirStatus), "completed, in-progress, stopped."),
                .. Common(),
            ],
            date: f => ((ProcedureFact)f).Performed?.Start,
            isDerived: false);

        yield return new FactTypeSchema(
            "allergy",
            "An allergy or intolerance, e.g. to cobalt.",
            [
                Field<AllergyFact>("status", ExprType.Text, a => Value.FromText(StatusText(a.Status)), "active or inactive."),
                Field<AllergyFact>("criticality", ExprType.Text, a => Value.FromText(a.Criticality), "low, high or unable-to-assess."),
                Field<AllergyFact>("verification", ExprType.Text, a => Value.FromText(a.Verification), "confirmed or unconfirmed."),
                Field<AllergyFact>("type", ExprType.Text, a => Value.FromText(a.Type), "allergy or intolerance."),
                .. Common(),
            ],
            date: null,
            isDerived: false);
    }

    /// <summary>Fields every fact type has.</summary>
    public static IEnumerable<FactField> Common() =>
    [
        new FactField("label", ExprType.Text, f => Value.FromText(f.Label), "The coded concept's text, for people."),
        new FactField("source", ExprType.Text, f => Value.FromText(f.Source.ToString()), "The FHIR resource it came from, e.g. Observation/123."),
    ];

    private static FactField Field<T>(string name, ExprType type, Func<T, Value> read, string description)
        where T : Fact => new(name, type, f => f is T t ? read(t) : Value.Null, description);

    private static string StatusText(FactStatus status) => status switch
    {
        FactStatus.Active => "active",
        FactStatus.Inactive => "inactive",
        _ => "proposed",
    };

    private static string? ResultText(LabResult l) =>
        l.Reported is { } r ? $"{l.Comparator}{r}" : l.ValueText;

    private static bool FlaggedLow(LabResult l) =>
        l.Interpretation.Any(c => c is "L" or "LL" or "LU" or "<")
        || (l.Value is { } v && l.ReferenceLow is { } low && v.Unit == low.Unit && v.Value < low.Value);

    private static bool FlaggedHigh(LabResult l) =>
        l.Interpretation.Any(c => c is "H" or "HH" or "HU" or ">")
        || (l.Value is { } v && l.ReferenceHigh is { } high && v.Unit == high.Unit && v.Value > high.Value);
}
