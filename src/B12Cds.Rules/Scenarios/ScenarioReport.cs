using System.Text;

namespace B12Cds.Rules.Scenarios;

/// <summary>
/// Writes a scenario result for people: the diff (each unmet expectation, expected against actual, then what the run
/// produced: rules fired, cards by rule and indicator, CarePlan regimens) and the explanation trace. <c>b12cds test</c>
/// and the <c>dotnet test</c> scenario theory print the same text.
/// </summary>
public static class ScenarioReport
{
    /// <summary>Formats the diff and the trace of a result, each line starting with <paramref name="indent"/>.</summary>
    public static string Describe(ScenarioResult result, string indent = "    ")
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        foreach (var failure in result.Failures)
        {
            sb.Append(indent).Append("expected: ").AppendLine(failure.Expected);
            sb.Append(indent).Append("actual:   ").AppendLine(failure.Actual);
        }

        sb.Append(indent).Append("run at ").Append(result.Scenario.AtText).Append(", profile ").Append(result.Scenario.Profile)
            .Append(result.Scenario.IncludeDrafts ? ", drafts included" : string.Empty).Append(", on ").AppendLine(result.Scenario.Given.Description);
        sb.Append(indent).Append("  rules fired: ").AppendLine(List(result.FiredRules));
        sb.Append(indent).Append("  cards:       ").AppendLine(List(result.Cards.Select(c => $"{c.Rule} {c.Indicator} \"{c.Summary}\"")));
        sb.Append(indent).Append("  CarePlan:    ").AppendLine(List(result.CarePlan));
        AppendTrace(sb, result, indent);
        if (result.InputIssues.Count > 0)
        {
            sb.Append(indent).AppendLine("input notes:");
            foreach (var issue in result.InputIssues)
            {
                sb.Append(indent).Append("  ").AppendLine(issue.ToString());
            }
        }

        return sb.ToString();
    }

    /// <summary>Formats the trace alone: each firing with the facts it matched and where they came from.</summary>
    public static string Trace(ScenarioResult result, string indent = "    ")
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        AppendTrace(sb, result, indent);
        return sb.ToString();
    }

    private static void AppendTrace(StringBuilder sb, ScenarioResult result, string indent)
    {
        if (result.Trace.Count == 0)
        {
            sb.Append(indent).AppendLine("trace: no rule fired");
            return;
        }

        sb.Append(indent).AppendLine("trace:");
        foreach (var step in result.Trace)
        {
            sb.Append(indent).Append("  #").Append(step.Sequence).Append(' ').Append(step.RuleId).Append(' ').AppendLine(step.Title);
            foreach (var fact in step.Matched)
            {
                sb.Append(indent).Append("      ").Append(fact.Binding ?? fact.FactType).Append(": ").Append(fact.Description)
                    .Append("  @ ").Append(fact.SourcePath);
                if (fact.Reference is { } reference && !fact.SourcePath.Contains(reference, StringComparison.Ordinal))
                {
                    sb.Append(" (").Append(reference).Append(')');
                }

                sb.AppendLine();
            }
        }
    }

    private static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }
}
