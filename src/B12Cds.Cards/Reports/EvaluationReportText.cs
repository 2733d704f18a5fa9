using B12Cds.Cards.CarePlans;
using B12Cds.Cards.CdsHooks;
using B12Cds.Fhir.Model;

namespace B12Cds.Cards.Reports;

/// <summary>Writes a report for people: the cards (indicator, summary, detail, suggestions), the CarePlan in words, and the trace of every firing.</summary>
public static class EvaluationReportText
{
    private const string Indent = "    ";

    /// <summary>Writes the report.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="report">The report.</param>
    /// <param name="inputName">The input's name for the heading, if any.</param>
    public static void Write(TextWriter output, EvaluationReport report, string? inputName = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        var at = FhirDateTime.FromInstant(report.Context.Now);
        output.WriteLine($"B12 CDS evaluation{(inputName is null ? string.Empty : $" of {inputName}")} at {at}, profile {report.Context.Profile}, rule set {report.RuleSetVersion}");
        output.WriteLine(report.FiredRules.Count == 0 ? "No rule fired." : $"Fired: {string.Join(", ", report.FiredRules.Select(r => r.Id))}");

        output.WriteLine();
        WriteCards(output, report.Cards);
        output.WriteLine();
        WriteCarePlan(output, report.CarePlan);
        output.WriteLine();
        WriteTrace(output, report.Trace);
        if (report.Errors.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"{report.Errors.Count} rule error(s): these rules produced nothing for this patient");
            foreach (var e in report.Errors)
            {
                output.WriteLine($"  {e.RuleId}: {e.Message}");
            }
        }
    }

    private static void WriteCards(TextWriter output, IReadOnlyList<Card> cards)
    {
        output.WriteLine(cards.Count == 0 ? "No cards." : $"{cards.Count} card(s):");
        foreach (var card in cards)
        {
            output.WriteLine();
            output.WriteLine($"[{card.Indicator.ToUpperInvariant()}] {card.Summary}");
            if (card.Detail is { } detail)
            {
                foreach (var line in detail.TrimEnd().Split('\n'))
                {
                    output.WriteLine(line.Length == 0 ? string.Empty : Indent + line.TrimEnd('\r'));
                }
            }

            if (card.Suggestions.Count > 0)
            {
                output.WriteLine($"{Indent}Suggestions ({(card.SelectionBehavior == "at-most-one" ? "choose at most one" : "choose any")}):");
                foreach (var s in card.Suggestions)
                {
                    output.WriteLine($"{Indent}  - {s.Label}{(s.IsRecommended == true ? " [recommended]" : string.Empty)}");
                    foreach (var a in s.Actions)
                    {
                        output.WriteLine($"{Indent}      {a.Type} {a.Resource?.ResourceType}: {a.Description}");
                    }
                }
            }

            foreach (var link in card.Links)
            {
                output.WriteLine($"{Indent}Link: {link.Label} <{link.Url}>");
            }

            if (card.Extension is { } extension)
            {
                var suppressed = extension.Explanation.Where(e => e.Role == CardExplanation.SuppressedRole).ToList();
                output.WriteLine($"{Indent}Rules: {string.Join(", ", extension.Rules.Select(r => r.Id))} (rule set {extension.RuleSetVersion}); topic {card.Source.Topic?.Code}; uuid {card.Uuid}");
                foreach (var s in suppressed)
                {
                    output.WriteLine($"{Indent}Shown instead of: {s.Rule} [{s.Indicator}] {s.Summary}");
                }

                foreach (var n in extension.Explanation.SelectMany(e => e.NotOffered))
                {
                    output.WriteLine($"{Indent}Not offered: {n}");
                }
            }
        }
    }

    private static void WriteCarePlan(TextWriter output, CarePlan? plan)
    {
        if (plan is null)
        {
            output.WriteLine("No CarePlan.");
            return;
        }

        output.WriteLine($"CarePlan ({plan.Status} {plan.Intent}): {plan.Title}");
        output.WriteLine($"{Indent}For {plan.Subject?.ReferenceValue ?? plan.Subject?.Display}, created {plan.Created}");
        var contained = plan.Contained.Where(r => r.Id is not null).ToDictionary(r => $"#{r.Id}", StringComparer.Ordinal);
        var number = 0;
        foreach (var activity in plan.Activity)
        {
            number++;
            var target = activity.Reference?.ReferenceValue is { } reference ? contained.GetValueOrDefault(reference) : null;
            switch (target)
            {
                case MedicationRequest rx:
                    output.WriteLine($"{Indent}{number}. {rx.MedicationCodeableConcept?.Label()} ({rx.Status} MedicationRequest)");
                    foreach (var dosage in rx.DosageInstruction)
                    {
                        output.WriteLine($"{Indent}     {dosage.Sequence}) {TimingText.Describe(dosage)}");
                    }

                    break;
                case ServiceRequest sr:
                    var reason = sr.ReasonCode.Count > 0 ? $": {sr.ReasonCode[0].Text}" : string.Empty;
                    output.WriteLine($"{Indent}{number}. {sr.Code?.Label()} on {sr.OccurrenceDateTime?.Value[..10]} ({sr.Status} ServiceRequest){reason}");
                    break;
                default:
                    output.WriteLine($"{Indent}{number}. {activity.Reference?.Display ?? activity.Detail?.Description}");
                    break;
            }
        }

        if (plan.Addresses.Count > 0)
        {
            output.WriteLine($"{Indent}Addresses: {string.Join(", ", plan.Addresses.Select(r => r.ReferenceValue))}");
        }

        if (plan.SupportingInfo.Count > 0)
        {
            output.WriteLine($"{Indent}Supporting: {string.Join(", ", plan.SupportingInfo.Select(r => r.ReferenceValue))}");
        }

        foreach (var note in plan.Note)
        {
            output.WriteLine($"{Indent}Note: {note.Text}");
        }
    }

    private static void WriteTrace(TextWriter output, IReadOnlyList<TraceEntry> trace)
    {
        output.WriteLine($"Trace ({trace.Count} firing(s)):");
        foreach (var t in trace)
        {
            output.WriteLine($"  #{t.Sequence} {t.Rule}  {t.Title}  [{t.Area}, priority {t.Priority}]");
            foreach (var f in t.Facts)
            {
                var name = f.Binding is null ? f.Type : $"{f.Binding}";
                output.WriteLine($"{Indent}  {name}: {f.Reference ?? "-"} ({f.Path})  {f.Text}");
            }

            foreach (var c in t.Citations)
            {
                output.WriteLine($"{Indent}  cites {c.Source}{(c.Text is null ? string.Empty : $": {c.Text}")}{(c.Url is null ? string.Empty : $" <{c.Url}>")}");
            }

            foreach (var p in t.Produced)
            {
                output.WriteLine($"{Indent}  -> {p}");
            }
        }
    }
}
