using System.Globalization;
using B12Cds.Rules.Scenarios;

namespace B12Cds.Cli.Output;

/// <summary>Prints a simulation for people: throughput, per-rule fire counts, cards by indicator, CarePlans, bad inputs and, when comparing, every patient's gained and lost cards.</summary>
internal static class SimulationTextPrinter
{
    public static void Print(TextWriter output, SimulationResult result, string input, string rulesDirectory, string? baselineDirectory)
    {
        var o = result.Options;
        var evaluated = result.Evaluated;
        output.WriteLine($"Simulated {Count(result.Patients.Count, "patient")} from {input} at {o.At.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)}, profile {o.Profile}, drafts {(o.IncludeDrafts ? "included" : "excluded")}");
        output.WriteLine($"Rules: {rulesDirectory} (version {result.RuleSetVersion})");
        if (baselineDirectory is not null)
        {
            output.WriteLine($"Baseline (--compare): {baselineDirectory} (version {result.BaselineVersion})");
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Evaluated {evaluated} of {result.Patients.Count} in {result.Elapsed.TotalSeconds:0.00} s on {Count(o.MaxDegreeOfParallelism, "core")}: {result.PatientsPerSecond:0.0} patients/s (CPU {result.CpuTime.TotalSeconds:0.00} s: {result.PatientsPerCpuSecond:0} patients per CPU-second)"));

        output.WriteLine();
        output.WriteLine("Rule fire counts");
        var rules = result.Compared
            ? new TextTable("rule", "fired>", "patients>", "% patients>", "baseline patients>", "change>", "title")
            : new TextTable("rule", "fired>", "patients>", "% patients>", "title");
        foreach (var r in result.Rules)
        {
            var share = Percent(r.Patients, evaluated);
            var title = r.Title.Length > 70 ? r.Title[..69] + "\u2026" : r.Title;
            if (result.Compared)
            {
                rules.Add(r.RuleId, N(r.Firings), N(r.Patients), share, N(r.BaselinePatients ?? 0), Signed(r.Patients - (r.BaselinePatients ?? 0)), title);
            }
            else
            {
                rules.Add(r.RuleId, N(r.Firings), N(r.Patients), share, title);
            }
        }

        Write(output, rules, "no rule can run in this profile");

        output.WriteLine();
        output.WriteLine("Cards by indicator");
        var indicators = new TextTable("indicator", "cards>", "patients>", "% patients>");
        foreach (var i in result.Indicators)
        {
            indicators.Add(i.Indicator, N(i.Cards), N(i.Patients), Percent(i.Patients, evaluated));
        }

        indicators.Write(output);

        output.WriteLine();
        output.WriteLine("CarePlan regimens");
        var carePlan = new TextTable("regimen", "patients>", "% patients>");
        foreach (var (regimen, patients) in result.CarePlan)
        {
            carePlan.Add(regimen, N(patients), Percent(patients, evaluated));
        }

        Write(output, carePlan, "no CarePlan entries");

        var bad = result.Patients.Where(p => p.InputErrors.Count > 0).ToList();
        output.WriteLine();
        output.WriteLine($"Patients with input errors: {bad.Count}{(bad.Count == 0 ? string.Empty : " (not evaluated when unreadable; otherwise evaluated without the skipped resources)")}");
        foreach (var p in bad)
        {
            output.WriteLine($"  {p.Patient}{(p.Evaluated ? string.Empty : " [not evaluated]")}: {p.InputErrors[0]}{(p.InputErrors.Count > 1 ? $" (+{p.InputErrors.Count - 1} more)" : string.Empty)}");
        }

        var failed = result.Patients.Where(p => p.EvaluationErrors.Count > 0).ToList();
        if (failed.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"Patients with rule errors: {failed.Count}");
            foreach (var p in failed)
            {
                output.WriteLine($"  {p.Patient}: {string.Join("; ", p.EvaluationErrors)}");
            }
        }

        if (result.Compared)
        {
            PrintComparison(output, result);
        }
    }

    private static void PrintComparison(TextWriter output, SimulationResult result)
    {
        var changed = result.Patients.Where(p => p.Changed).ToList();
        output.WriteLine();
        output.WriteLine($"Compared with the baseline: {changed.Count} of {Count(result.Evaluated, "patient")} gain or lose cards (+ gained: with the rules, not the baseline; - lost: with the baseline, not the rules)");
        output.WriteLine();
        output.WriteLine("Changes per rule");
        var byRule = new TextTable("card", "gained>", "lost>", "net>");
        foreach (var c in result.Changes)
        {
            byRule.Add(c.Card.ToString(), N(c.Gained), N(c.Lost), Signed(c.Gained - c.Lost));
        }

        Write(output, byRule, "no card changes");
        if (changed.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("Patients whose cards change");
        var patients = new TextTable("patient", "gains", "loses");
        foreach (var p in changed)
        {
            patients.Add(p.Patient, string.Join(", ", p.Gained.Select(c => "+" + c)), string.Join(", ", p.Lost.Select(c => "-" + c)));
        }

        patients.Write(output);
    }

    private static void Write(TextWriter output, TextTable table, string empty)
    {
        if (table.Count == 0)
        {
            output.WriteLine($"  ({empty})");
            return;
        }

        table.Write(output);
    }

    private static string Count(long n, string noun) => $"{n} {noun}{(n == 1 ? string.Empty : "s")}";

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Signed(long n) => n switch
    {
        > 0 => "+" + N(n),
        0 => "0",
        _ => N(n),
    };

    private static string Percent(long part, long whole) =>
        whole == 0 ? "-" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
