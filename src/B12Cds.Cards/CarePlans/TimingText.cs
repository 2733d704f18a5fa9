using B12Cds.Fhir.Model;

namespace B12Cds.Cards.CarePlans;

/// <summary>FHIR Timing and Dosage in words, for people: "3 times a week for 2 weeks", "1 mg intramuscular, every 3 months".</summary>
public static class TimingText
{
    /// <summary>Describes a repeating pattern: how often, and for how long or how many doses.</summary>
    public static string Describe(TimingRepeat? repeat)
    {
        if (repeat is null)
        {
            return "as directed";
        }

        var frequency = repeat.Frequency ?? 1;
        var period = repeat.Period ?? 1;
        var unit = Durations.UnitWord(repeat.PeriodUnit);
        var article = unit.Length > 0 && unit[0] == 'h' ? "an" : "a";
        var times = frequency switch
        {
            1 => "once",
            2 => "twice",
            _ => $"{frequency} times",
        };
        var how = (frequency, period == 1) switch
        {
            (1, true) => $"once {article} {unit}",
            (1, false) => $"every {Durations.Describe(period, repeat.PeriodUnit)}",
            (_, true) => $"{times} {article} {unit}",
            (_, false) => $"{times} every {Durations.Describe(period, repeat.PeriodUnit)}",
        };

        if (repeat.BoundsDuration is { Value: { } bound } duration)
        {
            how += $" for {Durations.Describe(bound.Value, duration.Code ?? duration.Unit)}";
        }

        if (repeat.Count is { } count)
        {
            how += $", {count} dose{(count == 1 ? string.Empty : "s")}";
        }

        return how;
    }

    /// <summary>Describes a dosage: dose, route, timing and any additional instruction.</summary>
    public static string Describe(Dosage dosage)
    {
        ArgumentNullException.ThrowIfNull(dosage);
        var parts = new List<string>();
        var dose = dosage.DoseAndRate.Count > 0 ? dosage.DoseAndRate[0].DoseQuantity : null;
        var route = dosage.Route?.Text ?? (dosage.Route is { Coding.Count: > 0 } r ? r.Coding[0].Display : null);
        var doseText = string.Join(' ', new[] { dose is { Value: { } v } ? $"{v} {dose.Unit ?? dose.Code}" : null, route?.ToLowerInvariant() }.Where(p => p is not null));
        if (doseText.Length > 0)
        {
            parts.Add(doseText);
        }

        parts.Add(Describe(dosage.Timing?.Repeat));
        parts.AddRange(dosage.AdditionalInstruction.Select(a => a.Text).OfType<string>().Select(t => t.ToLowerInvariant()));
        return string.Join(", ", parts);
    }
}
