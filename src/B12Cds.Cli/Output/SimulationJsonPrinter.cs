using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using B12Cds.Fhir.Diagnostics;
using B12Cds.Rules.Scenarios;

namespace B12Cds.Cli.Output;

/// <summary>
/// Prints a simulation as one JSON object for scripts: the run (input, time, profile, versions, throughput),
/// <c>rules</c> (fire counts), <c>cards</c> (by indicator), <c>carePlan</c>, <c>inputErrors</c>, <c>ruleErrors</c>
/// and, when comparing, <c>comparison</c> (<c>byRule</c> and every changed patient's <c>gained</c> and <c>lost</c> cards).
/// </summary>
internal static class SimulationJsonPrinter
{
    public static void Print(TextWriter output, SimulationResult result, string input, string rulesDirectory, string? baselineDirectory)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var o = result.Options;
            w.WriteStartObject();
            w.WriteString("input", input);
            w.WriteString("at", o.At.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));
            w.WriteString("profile", o.Profile);
            w.WriteBoolean("includeDrafts", o.IncludeDrafts);
            w.WriteStartObject("ruleSet");
            w.WriteString("folder", rulesDirectory);
            w.WriteString("version", result.RuleSetVersion);
            w.WriteEndObject();
            if (baselineDirectory is not null)
            {
                w.WriteStartObject("baseline");
                w.WriteString("folder", baselineDirectory);
                w.WriteString("version", result.BaselineVersion);
                w.WriteEndObject();
            }

            w.WriteNumber("patients", result.Patients.Count);
            w.WriteNumber("evaluated", result.Evaluated);
            w.WriteNumber("elapsedSeconds", Math.Round(result.Elapsed.TotalSeconds, 3));
            w.WriteNumber("patientsPerSecond", Math.Round(result.PatientsPerSecond, 1));
            w.WriteNumber("cpuSeconds", Math.Round(result.CpuTime.TotalSeconds, 3));
            w.WriteNumber("patientsPerCpuSecond", Math.Round(result.PatientsPerCpuSecond, 1));
            w.WriteNumber("degreeOfParallelism", o.MaxDegreeOfParallelism);

            w.WriteStartArray("rules");
            foreach (var r in result.Rules)
            {
                w.WriteStartObject();
                w.WriteString("id", r.RuleId);
                w.WriteString("title", r.Title);
                w.WriteNumber("fired", r.Firings);
                w.WriteNumber("patients", r.Patients);
                if (r.BaselineFirings is { } bf)
                {
                    w.WriteNumber("baselineFired", bf);
                    w.WriteNumber("baselinePatients", r.BaselinePatients ?? 0);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("cards");
            foreach (var i in result.Indicators)
            {
                w.WriteStartObject(i.Indicator);
                w.WriteNumber("cards", i.Cards);
                w.WriteNumber("patients", i.Patients);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartObject("carePlan");
            foreach (var (regimen, patients) in result.CarePlan)
            {
                w.WriteNumber(regimen, patients);
            }

            w.WriteEndObject();
            w.WriteStartArray("inputErrors");
            foreach (var p in result.Patients.Where(p => p.InputErrors.Count > 0))
            {
                w.WriteStartObject();
                w.WriteString("patient", p.Patient);
                w.WriteBoolean("evaluated", p.Evaluated);
                w.WriteStartArray("issues");
                foreach (var issue in p.InputErrors)
                {
                    WriteIssue(w, issue);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("ruleErrors");
            foreach (var p in result.Patients.Where(p => p.EvaluationErrors.Count > 0))
            {
                w.WriteStartObject();
                w.WriteString("patient", p.Patient);
                w.WriteStartArray("errors");
                foreach (var e in p.EvaluationErrors)
                {
                    w.WriteStringValue(e);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (result.Compared)
            {
                WriteComparison(w, result);
            }

            w.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteComparison(Utf8JsonWriter w, SimulationResult result)
    {
        var changed = result.Patients.Where(p => p.Changed).ToList();
        w.WriteStartObject("comparison");
        w.WriteNumber("patientsChanged", changed.Count);
        w.WriteStartArray("byRule");
        foreach (var c in result.Changes)
        {
            w.WriteStartObject();
            w.WriteString("rule", c.Card.Rule);
            w.WriteString("indicator", c.Card.Indicator);
            w.WriteNumber("gained", c.Gained);
            w.WriteNumber("lost", c.Lost);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("patients");
        foreach (var p in changed)
        {
            w.WriteStartObject();
            w.WriteString("patient", p.Patient);
            WriteCards(w, "gained", p.Gained);
            WriteCards(w, "lost", p.Lost);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteCards(Utf8JsonWriter w, string name, IReadOnlyList<CardKey> cards)
    {
        w.WriteStartArray(name);
        foreach (var c in cards)
        {
            w.WriteStartObject();
            w.WriteString("rule", c.Rule);
            w.WriteString("indicator", c.Indicator);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteIssue(Utf8JsonWriter w, FhirIssue issue)
    {
        w.WriteStartObject();
        w.WriteString("id", issue.Id);
        w.WriteString("severity", issue.Severity.ToString().ToLowerInvariant());
        w.WriteString("message", issue.Message);
        if (issue.Expression is not null)
        {
            w.WriteString("expression", issue.Expression);
        }

        if (issue.Line is { } line)
        {
            w.WriteNumber("line", line);
            w.WriteNumber("column", issue.Column ?? 0);
        }

        w.WriteEndObject();
    }
}
