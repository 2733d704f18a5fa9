using System.Globalization;
using System.Text;
using B12Cds.Facts.Terminology;

namespace B12Cds.Facts.Model;

/// <summary>One-line descriptions of facts for people: the CLI, explanations and audit logs.</summary>
public static class FactText
{
    /// <summary>Describes a fact in one line, e.g. <c>b12-total 120 pmol/L (reported 162.6 ng/L) on 2026-10-01, final</c>.</summary>
    public static string Describe(Fact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var text = fact switch
        {
            PatientFact p => Join(
                p.AgeYears is { } age ? $"age {age}" : "age unknown",
                p.Sex,
                p.BirthDate is { } b ? $"born {b}" : null,
                p.Deceased ? "deceased" : null),
            LabResult lab => Join(
                $"{lab.Analyte} {LabValue(lab)}",
                lab.Reported is { } r && lab.Value is { } v && r.Unit != v.Unit ? $"(reported {r})" : null,
                lab.Interpretation.Count > 0 ? $"[{string.Join(',', lab.Interpretation)}]" : null,
                $"on {lab.Effective}",
                lab.Status),
            Finding f => Join(Concepts(f), Status(f.Status), f.Verification, f.Onset is { } o ? $"since {o}" : null, f.Abatement is { } a ? $"until {a}" : null),
            MedicationUse m => Join(
                Concepts(m),
                Status(m.Status),
                m.Phases.Count == 0 ? null : string.Join("; then ", m.Phases.Select(Phase)),
                m.Strength is { } s ? $"strength {s}" : null,
                m.Start is { } start ? $"from {start}" : null,
                m.End is { } end ? $"to {end}" : null),
            MedicationGiven g => Join(Concepts(g), Dose(g.Dose), g.Route, $"given {g.Effective}", g.FhirStatus),
            ProcedureFact pr => Join(Concepts(pr), pr.Performed is { } when ? $"on {when}" : null, pr.FhirStatus),
            AllergyFact al => Join(Concepts(al), Status(al.Status), al.Criticality is { } c ? $"criticality {c}" : null, al.Verification),
            _ => Concepts(fact),
        };

        return fact.Label is { } label && fact is not PatientFact ? $"{text} \u2014 \"{label}\"" : text;
    }

    private static string LabValue(LabResult lab)
    {
        if (lab.Value is { } value)
        {
            return $"{lab.Comparator}{value}";
        }

        if (lab.ValueProblem is { } problem)
        {
            return $"{lab.ValueText ?? lab.Reported?.ToString() ?? "(no value)"} [{problem}]";
        }

        return lab.ValueText ?? (lab.Reported?.ToString() ?? "(no value)");
    }

    private static string Phase(DosePhase phase)
    {
        var parts = new List<string?>
        {
            Dose(phase.Dose),
            phase.Route,
            phase.IntervalDays is { } days ? $"every {days.ToString("0.##", CultureInfo.InvariantCulture)} d" : null,
            phase.DurationDays is { } duration ? $"for {duration.ToString("0.##", CultureInfo.InvariantCulture)} d" : null,
            phase.Count is { } count ? $"x{count}" : null,
        };
        var text = string.Join(' ', parts.Where(p => p is not null));
        return text.Length > 0 ? text : phase.Text ?? "dose not given";
    }

    /// <summary>Shows a dose as prescribers write it: micrograms under 1 mg, milligrams from 1 mg.</summary>
    private static string? Dose(Measurement? dose) => dose switch
    {
        { Unit: "ug", Value: >= 1000 } d => $"{(d.Value / 1000).ToString("0.###", CultureInfo.InvariantCulture)} mg",
        { Unit: "ug" } d => $"{d.Value.ToString("0.###", CultureInfo.InvariantCulture)} micrograms",
        { } d => d.ToString(),
        null => null,
    };

    private static string Concepts(Fact fact)
    {
        if (fact.Concepts.Count == 0)
        {
            return "(no value set)";
        }

        var sb = new StringBuilder();
        foreach (var c in fact.Concepts)
        {
            if (sb.Length > 0)
            {
                sb.Append(", ");
            }

            sb.Append(c.ValueSetId);
            if (c.Kind == MatchKind.Text)
            {
                sb.Append(" (by text)");
            }
        }

        return sb.ToString();
    }

    private static string Status(FactStatus status) => status.ToString().ToLowerInvariant();

    private static string Join(params string?[] parts) => string.Join(", ", parts.Where(p => !string.IsNullOrEmpty(p)));
}
