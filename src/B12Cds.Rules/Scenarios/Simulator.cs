using System.Collections.Concurrent;
using B12Cds.Facts.Extraction;
using B12Cds.Facts.Model;
using B12Cds.Fhir.Diagnostics;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Model;

namespace B12Cds.Rules.Scenarios;

/// <summary>
/// The dry run before a release: evaluates every patient of a population in-process, on all cores (one immutable
/// <see cref="RuleSet"/> shared by every thread), optionally with a baseline rule set too, and sums up what fired,
/// which cards and CarePlans came out, which inputs were bad, and which cards each patient gains or loses.
/// </summary>
public static class Simulator
{
    private static readonly string[] IndicatorOrder = ["critical", "warning", "info"];

    /// <summary>Only problems matter here: resources that are not B12 facts are not reported.</summary>
    private static readonly ExtractionOptions Quiet = new() { ReportNotRelevant = false };

    /// <summary>Runs the simulation.</summary>
    /// <param name="patients">The patients, streamed.</param>
    /// <param name="ruleSet">The rule set evaluated (the candidate).</param>
    /// <param name="baseline">The rule set to compare with (e.g. the released one), or null.</param>
    /// <param name="options">Time, profile, drafts and parallelism.</param>
    /// <param name="onPatientDone">Called (on any thread) after each patient, e.g. to advance a progress bar.</param>
    /// <param name="time">The clock that times the run; by default the system's.</param>
    public static SimulationResult Run(
        IEnumerable<PatientInput> patients,
        RuleSet ruleSet,
        RuleSet? baseline,
        SimulationOptions options,
        Action? onPatientDone = null,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(patients);
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(options);
        time ??= TimeProvider.System;

        var extractor = new FactExtractor(ruleSet.Terminology);
        var baselineExtractor = baseline is null || SameTerminology(ruleSet, baseline) ? null : new FactExtractor(baseline.Terminology);
        var context = new EvaluationContext(options.At, options.Profile);
        var evaluationOptions = new EvaluationOptions { IncludeDrafts = options.IncludeDrafts };
        var outcomes = new ConcurrentBag<PatientOutcome>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism) };

        var cpuBefore = Environment.CpuUsage.TotalTime;
        var started = time.GetTimestamp();
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(patients, EnumerablePartitionerOptions.NoBuffering),
            parallel,
            (patient, _, index) =>
            {
                outcomes.Add(Evaluate(patient, index, ruleSet, baseline, extractor, baselineExtractor, context, evaluationOptions));
                onPatientDone?.Invoke();
            });
        var elapsed = time.GetElapsedTime(started);
        var cpu = Environment.CpuUsage.TotalTime - cpuBefore;

        var ordered = outcomes.OrderBy(o => o.Index).ToList();
        return new SimulationResult
        {
            Options = options,
            RuleSetVersion = ruleSet.Version,
            BaselineVersion = baseline?.Version,
            Patients = ordered,
            Elapsed = elapsed,
            CpuTime = cpu,
            Rules = RuleCounts(ordered, ruleSet, baseline, options),
            Indicators = IndicatorCounts(ordered),
            CarePlan = ordered.SelectMany(o => o.CarePlan.Distinct(StringComparer.Ordinal)).GroupBy(r => r, StringComparer.Ordinal)
                .Select(g => new KeyValuePair<string, long>(g.Key, g.LongCount())).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList(),
            Changes = baseline is null ? [] : Changes(ordered),
        };
    }

    private static bool SameTerminology(RuleSet a, RuleSet b) =>
        ReferenceEquals(a.Terminology, b.Terminology) || string.Equals(a.Terminology.Version, b.Terminology.Version, StringComparison.Ordinal);

    private static PatientOutcome Evaluate(
        PatientInput patient,
        long index,
        RuleSet ruleSet,
        RuleSet? baseline,
        FactExtractor extractor,
        FactExtractor? baselineExtractor,
        EvaluationContext context,
        EvaluationOptions options)
    {
        var parsed = patient.Read();
        if (!parsed.IsReadable)
        {
            return new PatientOutcome { Index = index, Patient = patient.Id, InputErrors = parsed.Issues.Where(i => i.IsError).ToList() };
        }

        var facts = extractor.Extract(parsed, context.Now, Quiet);
        var inputErrors = facts.Issues.Where(i => i.Severity >= IssueSeverity.Error).ToList();
        var errors = new List<string>();
        var result = TryEvaluate(ruleSet, facts.Facts, context, options, errors, prefix: string.Empty);
        var outcome = new PatientOutcome
        {
            Index = index,
            Patient = patient.Id,
            Evaluated = true,
            InputErrors = inputErrors,
            Firings = result is null ? new Dictionary<string, int>() : CountFirings(result),
            Cards = result?.Cards.Select(c => new CardKey(c.Firing.Rule.Id, c.Indicator)).ToList() ?? [],
            CarePlan = result?.CarePlan.Select(c => c.Regimen.Id).Distinct(StringComparer.Ordinal).ToList() ?? [],
            EvaluationErrors = errors,
        };

        if (baseline is null)
        {
            return outcome;
        }

        var baselineFacts = baselineExtractor is null ? facts : baselineExtractor.Extract(parsed, context.Now, Quiet);
        var before = TryEvaluate(baseline, baselineFacts.Facts, context, options, errors, prefix: "baseline: ");
        var beforeCards = before?.Cards.Select(c => new CardKey(c.Firing.Rule.Id, c.Indicator)).ToHashSet() ?? [];
        var afterCards = outcome.Cards.ToHashSet();
        return outcome with
        {
            BaselineFirings = before is null ? new Dictionary<string, int>() : CountFirings(before),
            Gained = afterCards.Except(beforeCards).Order().ToList(),
            Lost = beforeCards.Except(afterCards).Order().ToList(),
            EvaluationErrors = errors,
        };
    }

    private static EvaluationResult? TryEvaluate(RuleSet ruleSet, IReadOnlyList<Fact> facts, EvaluationContext context, EvaluationOptions options, List<string> errors, string prefix)
    {
        try
        {
            var result = RuleEngine.Instance.Evaluate(ruleSet, facts, context, options);
            errors.AddRange(result.Errors.Select(e => $"{prefix}{e.RuleId}: {e.Message}"));
            return result;
        }
        catch (RuleCycleException ex)
        {
            errors.Add(prefix + ex.Message);
            return null;
        }
    }

    private static Dictionary<string, int> CountFirings(EvaluationResult result)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var firing in result.Firings)
        {
            counts[firing.Rule.Id] = counts.GetValueOrDefault(firing.Rule.Id) + 1;
        }

        return counts;
    }

    private static List<RuleStatistics> RuleCounts(List<PatientOutcome> outcomes, RuleSet ruleSet, RuleSet? baseline, SimulationOptions options)
    {
        bool Runs(Rule r) => (r.Status == RuleStatus.Active || (options.IncludeDrafts && r.Status == RuleStatus.Draft)) && r.AppliesTo(options.Profile);

        var ids = ruleSet.Rules.Where(Runs).Select(r => r.Id).ToList();
        ids.AddRange((baseline?.Rules ?? []).Where(Runs).Select(r => r.Id));
        ids.AddRange(outcomes.SelectMany(o => o.Firings.Keys.Concat(o.BaselineFirings?.Keys ?? [])));
        return ids.Distinct(StringComparer.Ordinal)
            .Select(id => new RuleStatistics(
                id,
                (ruleSet.ById.GetValueOrDefault(id) ?? baseline?.ById.GetValueOrDefault(id))?.Title ?? string.Empty,
                outcomes.Sum(o => (long)o.Firings.GetValueOrDefault(id)),
                outcomes.LongCount(o => o.Firings.ContainsKey(id)),
                baseline is null ? null : outcomes.Sum(o => (long)(o.BaselineFirings?.GetValueOrDefault(id) ?? 0)),
                baseline is null ? null : outcomes.LongCount(o => o.BaselineFirings?.ContainsKey(id) == true)))
            .ToList();
    }

    private static List<IndicatorStatistics> IndicatorCounts(List<PatientOutcome> outcomes)
    {
        var indicators = IndicatorOrder.Concat(outcomes.SelectMany(o => o.Cards.Select(c => c.Indicator))).Distinct(StringComparer.Ordinal);
        return indicators
            .Select(i => new IndicatorStatistics(i, outcomes.Sum(o => (long)o.Cards.Count(c => c.Indicator == i)), outcomes.LongCount(o => o.Cards.Any(c => c.Indicator == i))))
            .ToList();
    }

    private static List<CardChange> Changes(List<PatientOutcome> outcomes) =>
        outcomes.SelectMany(o => o.Gained.Select(c => (Card: c, Gained: 1, Lost: 0)).Concat(o.Lost.Select(c => (Card: c, Gained: 0, Lost: 1))))
            .GroupBy(x => x.Card)
            .Select(g => new CardChange(g.Key, g.Sum(x => (long)x.Gained), g.Sum(x => (long)x.Lost)))
            .OrderBy(c => c.Card)
            .ToList();
}
