using B12Cds.Facts.Model;
using B12Cds.Rules.Model;

namespace B12Cds.Rules.Engine;

/// <summary>
/// The rules engine, as the rest of B12 CDS sees it: evaluate a loaded rule set over a patient's facts at a time.
/// Another engine (NRules, say) could stand behind it without touching FHIR or card code.
/// </summary>
public interface IRuleEngine
{
    /// <summary>Evaluates <paramref name="ruleSet"/> over <paramref name="facts"/>: a pure function of its arguments.</summary>
    /// <exception cref="RuleCycleException">The rule set kept firing without end.</exception>
    EvaluationResult Evaluate(RuleSet ruleSet, IEnumerable<Fact> facts, EvaluationContext context, EvaluationOptions? options = null);
}
