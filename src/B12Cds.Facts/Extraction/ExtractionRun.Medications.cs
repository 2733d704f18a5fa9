using System.Globalization;
using B12Cds.Facts.Model;
using B12Cds.Facts.Terminology;
using B12Cds.Fhir.Diagnostics;
using B12Cds.Fhir.Model;

namespace B12Cds.Facts.Extraction;

/// <summary>Medication requests, statements and administrations, matched at ingredient or class level.</summary>
internal sealed partial class ExtractionRun
{
    private void ReadMedicationRequest(InputEntry entry, MedicationRequest request)
    {
        if (request.Status is "entered-in-error" or "cancelled")
        {
            Skip(entry, request.Status, "status");
            return;
        }

        if (request.DoNotPerform == true)
        {
            Skip(entry, "true", "doNotPerform");
            return;
        }

        var (concepts, label, strength) = MatchMedication(entry, request.MedicationCodeableConcept, request.MedicationReference);
        if (concepts.Count == 0)
        {
            NotRelevant(entry, request.MedicationCodeableConcept ?? new CodeableConcept { Text = label });
            return;
        }

        var status = request.Status switch
        {
            "draft" => FactStatus.Proposed,
            "completed" or "stopped" => FactStatus.Inactive,
            _ when request.Intent is "proposal" or "plan" or "option" => FactStatus.Proposed,
            _ => FactStatus.Active,
        };

        Period? bounds = null;
        for (var i = 0; i < request.DosageInstruction.Count; i++)
        {
            if (request.DosageInstruction[i].Timing?.Repeat?.BoundsPeriod is { } period)
            {
                bounds = period;
                break;
            }
        }

        _facts.Add(new MedicationUse
        {
            Source = SourceOf(entry),
            Concepts = concepts,
            Label = label,
            Status = status,
            FhirStatus = request.Status,
            Intent = request.Intent,
            Start = bounds?.Start ?? request.DispenseRequest?.ValidityPeriod?.Start ?? request.AuthoredOn,
            End = bounds?.End ?? request.DispenseRequest?.ValidityPeriod?.End,
            Phases = Phases(request.DosageInstruction),
            Strength = strength,
        });
    }

    private void ReadMedicationStatement(InputEntry entry, MedicationStatement statement)
    {
        if (statement.Status is "entered-in-error" or "not-taken")
        {
            Skip(entry, statement.Status, "status");
            return;
        }

        var (concepts, label, strength) = MatchMedication(entry, statement.MedicationCodeableConcept, statement.MedicationReference);
        if (concepts.Count == 0)
        {
            NotRelevant(entry, statement.MedicationCodeableConcept ?? new CodeableConcept { Text = label });
            return;
        }

        _facts.Add(new MedicationUse
        {
            Source = SourceOf(entry),
            Concepts = concepts,
            Label = label,
            Status = statement.Status switch
            {
                "completed" or "stopped" => FactStatus.Inactive,
                "intended" => FactStatus.Proposed,
                _ => FactStatus.Active,
            },
            FhirStatus = statement.Status,
            Start = statement.EffectiveDateTime ?? statement.EffectivePeriod?.Start,
            End = statement.EffectivePeriod?.End,
            Phases = Phases(statement.Dosage),
            Strength = strength,
        });
    }

    private void ReadMedicationAdministration(InputEntry entry, MedicationAdministration administration)
    {
        if (administration.Status is "entered-in-error" or "not-done")
        {
            Skip(entry, administration.Status, "status");
            return;
        }

        var (concepts, label, _) = MatchMedication(entry, administration.MedicationCodeableConcept, administration.MedicationReference);
        if (concepts.Count == 0)
        {
            NotRelevant(entry, administration.MedicationCodeableConcept ?? new CodeableConcept { Text = label });
            return;
        }

        if ((administration.EffectiveDateTime ?? administration.EffectivePeriod?.Start ?? administration.EffectivePeriod?.End) is not { } effective)
        {
            Report(FactIssueIds.NoDate, IssueSeverity.Warning, "required", $"Administration of {label} has no date, so it cannot be counted; skipped.", $"{entry.Path}.effective");
            return;
        }

        _facts.Add(new MedicationGiven
        {
            Source = SourceOf(entry),
            Concepts = concepts,
            Label = label,
            Effective = effective,
            FhirStatus = administration.Status,
            Route = RouteOf(administration.Dosage?.Route),
            Dose = DoseOf(administration.Dosage?.Dose),
        });
    }

    /// <summary>Matches a medication by its code, or by its Medication resource's code and ingredients; reports a reference that resolves nowhere.</summary>
    private (IReadOnlyList<ConceptMatch> Concepts, string? Label, string? Strength) MatchMedication(InputEntry entry, CodeableConcept? code, Reference? reference)
    {
        if (code is not null)
        {
            return (_terminology.Match(code, Domains.Medication), code.Label(), null);
        }

        if (reference is null)
        {
            return ([], null, null);
        }

        if (_index.Resolve(reference, entry)?.Resource is Medication medication)
        {
            var concepts = MatchAll(Domains.Medication, medication.Code, medication.Ingredient, static i => i.ItemCodeableConcept);
            Ratio? strength = null;
            for (var i = 0; i < medication.Ingredient.Count; i++)
            {
                if (medication.Ingredient[i].Strength is { Numerator.Value: not null } ratio)
                {
                    strength = ratio;
                    break;
                }
            }

            return (concepts, medication.Code?.Label() ?? reference.Display, strength is null ? null : FormatRatio(strength));
        }

        Report(
            FactIssueIds.UnresolvedReference,
            IssueSeverity.Warning,
            "not-found",
            $"The medication reference '{reference.ReferenceValue}' resolves to no Medication in the input{(reference.Display is null ? "; the medication is unknown" : $"; matched by its display '{reference.Display}' only")}.",
            $"{entry.Path}.medicationReference");
        return reference.Display is null ? ([], null, null) : (_terminology.Match(new CodeableConcept { Text = reference.Display }, Domains.Medication), reference.Display, null);
    }

    private List<DosePhase> Phases(IReadOnlyList<Dosage> dosages)
    {
        if (dosages.Count == 0)
        {
            return [];
        }

        // By sequence (none last), then in input order.
        var order = new (int Sequence, int Index)[dosages.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = (dosages[i].Sequence ?? int.MaxValue, i);
        }

        if (order.Length > 1)
        {
            Array.Sort(order);
        }

        var phases = new List<DosePhase>(order.Length);
        foreach (var (_, index) in order)
        {
            phases.Add(ToPhase(dosages[index]));
        }

        return phases;
    }

    private DosePhase ToPhase(Dosage dosage)
    {
        Quantity? doseQuantity = null;
        for (var i = 0; i < dosage.DoseAndRate.Count; i++)
        {
            if (dosage.DoseAndRate[i].DoseQuantity is { } quantity)
            {
                doseQuantity = quantity;
                break;
            }
        }

        var dose = DoseOf(doseQuantity);
        var exactInterval = IntervalDays(dosage.Timing);
        var interval = exactInterval is { } exact ? decimal.Round(exact, 4) : (decimal?)null;
        var repeat = dosage.Timing?.Repeat;
        decimal? duration = repeat?.BoundsDuration is { Value: { IsExact: true } v } bd && TryToDays(v.Value, bd.Code ?? bd.Unit ?? "d", out var days)
            ? days
            : repeat?.BoundsPeriod is { Start: { } s, End: { } e } ? (decimal)(e.Start - s.Start).TotalDays : null;
        return new DosePhase
        {
            Sequence = dosage.Sequence,
            Dose = dose,
            Route = RouteOf(dosage.Route),
            IntervalDays = interval,
            DurationDays = duration,
            Count = repeat?.Count,
            DailyDoseMicrograms = dose is { Unit: "ug" } d && exactInterval is > 0 ? decimal.Round(d.Value / exactInterval.Value, 4) : null,
            Text = dosage.Text,
        };
    }

    /// <summary>Days between doses: period (in days) ÷ frequency, or a common timing abbreviation (QD, BID, QOD, WK…).</summary>
    private decimal? IntervalDays(Timing? timing)
    {
        if (timing?.Repeat is { Period: { } period, PeriodUnit: { } unit } repeat && TryToDays(period, unit, out var days))
        {
            var frequency = repeat.Frequency is > 0 ? repeat.Frequency.Value : 1;
            return days / frequency;
        }

        return timing?.Code?.CodeIn("http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation") switch
        {
            "QD" => 1m,
            "BID" => 0.5m,
            "TID" => 1m / 3,
            "QID" => 0.25m,
            "QOD" => 2m,
            "WK" => 7m,
            "MO" => 30.4375m,
            _ => null,
        };
    }

    private string? RouteOf(CodeableConcept? route) =>
        route is null ? null : _terminology.Match(route, Domains.Route) is { Count: > 0 } routes ? routes[0].ValueSetId : null;

    /// <summary>Normalises a dose: a mass to micrograms, anything else to its UCUM unit as given.</summary>
    private Measurement? DoseOf(Quantity? quantity)
    {
        if (quantity?.Value is not { IsExact: true } value || DoseUnitOf(quantity) is not { Ucum: { } ucum } unit)
        {
            return null;
        }

        return unit.ToMicrograms is { } factor && factor.TryApply(value.Value, out var micrograms)
            ? new Measurement(micrograms, Micrograms)
            : new Measurement(value.Value, ucum);
    }

    private static string FormatRatio(Ratio ratio)
    {
        var n = ratio.Numerator!;
        var d = ratio.Denominator;
        var denominator = d?.Value is { } dv ? (dv.Value == 1 ? UnitText(d) : $"{dv.Text} {UnitText(d)}") : null;
        return string.Create(CultureInfo.InvariantCulture, $"{n.Value?.Text} {UnitText(n)}{(denominator is null ? string.Empty : "/" + denominator)}");
    }
}
