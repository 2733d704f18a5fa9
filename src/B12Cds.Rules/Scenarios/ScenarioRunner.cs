using B12Cds.Facts.Extraction;
using B12Cds.Facts.Model;
using B12Cds.Fhir.Diagnostics;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Model;
using B12Cds.Rules.Schema;

namespace B12Cds.Rules.Scenarios;

/// <summary>
/// Runs a scenario against a rule set: reads its FHIR data into facts at the scenario's time, evaluates, and compares
/// what happened with what was expected. Stateless and thread-safe.
/// </summary>
public static class ScenarioRunner
{
    /// <summary>Runs <paramref name="scenario"/> against <paramref name="ruleSet"/> (read with the same rule set, so its <c>where</c> expressions are compiled against it).</summary>
    public static ScenarioResult Run(Scenario scenario, RuleSet ruleSet, IRuleEngine? engine = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(ruleSet);
        engine ??= RuleEngine.Instance;

        var options = new ExtractionOptions { PatientId = scenario.Given.PatientId, ReportNotRelevant = false };
        var facts = new FactExtractor(ruleSet.Terminology).Extract(scenario.Given.Data, scenario.At, options);
        var inputIssues = facts.Issues.Where(i => i.Severity >= IssueSeverity.Warning).ToList();
        var context = new EvaluationContext(scenario.At, scenario.Profile);
        EvaluationResult evaluation;
        try
        {
            evaluation = engine.Evaluate(ruleSet, facts.Facts, context, new EvaluationOptions { IncludeDrafts = scenario.IncludeDrafts });
        }
        catch (RuleCycleException ex)
        {
            return new ScenarioResult
            {
                Scenario = scenario,
                Failures = [new ScenarioFailure("the evaluation to finish", ex.Message)],
                InputIssues = inputIssues,
            };
        }

        var fired = evaluation.Firings.Select(f => f.Rule.Id).Distinct(StringComparer.Ordinal).ToList();
        var cards = evaluation.Cards.Select(c => new ActualCard(c.Firing.Rule.Id, c.Indicator, c.Summary)).ToList();
        var carePlan = evaluation.CarePlan.Select(c => c.Regimen.Id).Distinct(StringComparer.Ordinal).ToList();
        var failures = new List<ScenarioFailure>();
        CheckFired(scenario, ruleSet, evaluation, fired, failures);
        CheckCards(scenario.Expect, cards, failures);
        CheckFacts(scenario.Expect, evaluation, context, failures);
        CheckCarePlan(scenario.Expect, carePlan, failures);
        foreach (var error in evaluation.Errors)
        {
            failures.Add(new ScenarioFailure($"{error.RuleId} to run without error", $"{error.RuleId}: {error.Message}"));
        }

        return new ScenarioResult
        {
            Scenario = scenario,
            Failures = failures,
            Trace = evaluation.Firings.Select(ToStep).ToList(),
            FiredRules = fired,
            Cards = cards,
            CarePlan = carePlan,
            InputIssues = inputIssues,
            Evaluation = evaluation,
        };
    }

    /// <summary>Describes a fact in one line for the trace; derived facts show their fields and the rule that derived them.</summary>
    public static string Describe(Fact fact) => fact switch
    {
        null => throw new ArgumentNullException(nameof(fact)),
        DerivedFact d => $"{d.TypeName} {{ {string.Join(", ", d.Fields.Select(f => $"{f.Key}: {f.Value}"))} }} from {d.RuleId}",
        AggregateFact a => $"{a.Kind} {{ {string.Join(", ", a.Fields.Where(f => f.Value.Kind != ValueKind.Fact).Select(f => $"{f.Key}: {f.Value}"))} }} over {a.Members.Count} fact(s)",
        _ => FactText.Describe(fact),
    };

    private static void CheckFired(Scenario scenario, RuleSet ruleSet, EvaluationResult evaluation, List<string> fired, List<ScenarioFailure> failures)
    {
        var firedText = fired.Count == 0 ? "no rule fired" : $"fired: {string.Join(", ", fired)}";
        foreach (var id in scenario.Expect.Fired.Where(id => !fired.Contains(id, StringComparer.Ordinal)))
        {
            failures.Add(new ScenarioFailure($"{id} fires", $"{id} did not fire{WhyNot(id, scenario, ruleSet)} ({firedText})"));
        }

        foreach (var id in scenario.Expect.NotFired)
        {
            var firings = evaluation.Firings.Where(f => f.Rule.Id == id).ToList();
            if (firings.Count > 0)
            {
                var on = string.Join("; ", firings[0].Matched.Select(m => $"{m.Binding ?? m.Fact.FactType} = {Describe(m.Fact)}"));
                failures.Add(new ScenarioFailure($"{id} does not fire", $"{id} fired {Times(firings.Count)} (#{firings[0].Sequence} on {(on.Length == 0 ? "no facts" : on)})"));
            }
        }
    }

    private static string WhyNot(string id, Scenario scenario, RuleSet ruleSet)
    {
        if (!ruleSet.ById.TryGetValue(id, out var rule))
        {
            return ": it is not in the rule set";
        }

        return rule.Status switch
        {
            RuleStatus.Retired => ": it is retired",
            RuleStatus.Draft when !scenario.IncludeDrafts => ": it is a draft and the scenario does not include drafts",
            _ when !rule.AppliesTo(scenario.Profile) => $": it runs only in profile {string.Join(", ", rule.Profiles)}",
            _ => string.Empty,
        };
    }

    private static void CheckCards(ScenarioExpectation expect, List<ActualCard> cards, List<ScenarioFailure> failures)
    {
        var all = cards.Count == 0 ? "no cards" : "cards: " + string.Join(", ", cards.Select(c => c.ToString()));
        foreach (var expected in expect.Cards)
        {
            var fromRule = cards.Where(c => c.Rule == expected.Rule).ToList();
            var withIndicator = fromRule.Where(c => expected.Indicator is null || c.Indicator == expected.Indicator).ToList();
            var matching = withIndicator.Where(c => expected.SummaryContains is null || c.Summary.Contains(expected.SummaryContains, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matching.Count > 0)
            {
                continue;
            }

            var actual = fromRule.Count == 0
                ? $"no card from {expected.Rule} ({all})"
                : withIndicator.Count == 0
                    ? $"{expected.Rule} gave {string.Join(", ", fromRule.Select(c => $"a {c.Indicator} card"))}"
                    : $"{expected.Rule}'s card summary is \"{withIndicator[0].Summary}\"";
            failures.Add(new ScenarioFailure(expected.Describe(), actual));
        }

        if (expect.NoCards && cards.Count > 0)
        {
            failures.Add(new ScenarioFailure("no cards", $"{cards.Count} card(s): {string.Join("; ", cards.Select(c => $"{c} \"{c.Summary}\""))}"));
        }
    }

    private static void CheckFacts(ScenarioExpectation expect, EvaluationResult evaluation, EvaluationContext context, List<ScenarioFailure> failures)
    {
        foreach (var expected in expect.Facts)
        {
            if (expected.WhereText is not null && expected.Where is null)
            {
                failures.Add(new ScenarioFailure("derived " + expected.Describe(), "the 'where' was not compiled: read the scenario with the rule set it runs against"));
                continue;
            }

            var candidates = evaluation.DerivedFacts.Where(d => d.TypeName == expected.Type).ToList();
            if (candidates.Any(c => Matches(expected, c, context)))
            {
                continue;
            }

            var actual = candidates.Count == 0
                ? $"no {expected.Type} fact was derived"
                : $"{expected.Type} derived: {string.Join("; ", candidates.Select(Describe))}";
            failures.Add(new ScenarioFailure("derived " + expected.Describe(), actual));
        }
    }

    private static bool Matches(ExpectedFact expected, DerivedFact fact, EvaluationContext context)
    {
        foreach (var (name, text) in expected.Fields)
        {
            var value = fact.Fields.TryGetValue(name, out var v) ? v : Value.Null;
            if (!SameText(value, text))
            {
                return false;
            }
        }

        if (expected.Where is { } where)
        {
            var row = new MatchRow(1, context);
            row.Slots[0] = fact;
            return where(row).IsTrue;
        }

        return true;
    }

    private static bool SameText(Value value, string text) => value.Kind switch
    {
        ValueKind.Null => text is "" or "~" or "null" or "missing",
        ValueKind.Boolean => string.Equals(text, value.IsTrue ? "true" : "false", StringComparison.OrdinalIgnoreCase)
            || string.Equals(text, value.ToString(), StringComparison.OrdinalIgnoreCase),
        _ => string.Equals(value.ToString().Trim(), text.Trim(), StringComparison.OrdinalIgnoreCase),
    };

    private static void CheckCarePlan(ScenarioExpectation expect, List<string> carePlan, List<ScenarioFailure> failures)
    {
        var actual = carePlan.Count == 0 ? "the CarePlan is empty" : $"CarePlan: {string.Join(", ", carePlan)}";
        foreach (var regimen in expect.CarePlan.Where(r => !carePlan.Contains(r, StringComparer.Ordinal)))
        {
            failures.Add(new ScenarioFailure($"{regimen} on the CarePlan", $"{regimen} is not on it ({actual})"));
        }

        if (expect.NoCarePlan && carePlan.Count > 0)
        {
            failures.Add(new ScenarioFailure("an empty CarePlan", actual));
        }
    }

    private static TraceStep ToStep(Firing firing) => new(
        firing.Sequence,
        firing.Rule.Id,
        firing.Rule.Title,
        firing.Matched.Select(m => new TraceFact(m.Binding, m.Fact.FactType, Describe(m.Fact), m.Fact.Source.Path, m.Fact.Source.Reference)).ToList());

    private static string Times(int n) => n == 1 ? "once" : $"{n} times";
}
