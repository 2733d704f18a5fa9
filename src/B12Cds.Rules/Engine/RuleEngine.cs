using B12Cds.Facts.Model;
using B12Cds.Rules.Model;

namespace B12Cds.Rules.Engine;

/// <summary>The forward-chaining engine: stateless, so one instance serves every thread; each call runs its own <see cref="Session"/>.</summary>
public sealed class RuleEngine : IRuleEngine
{
    /// <summary>Gets the shared instance.</summary>
    public static RuleEngine Instance { get; } = new();

    /// <inheritdoc/>
    public EvaluationResult Evaluate(RuleSet ruleSet, IEnumerable<Fact> facts, EvaluationContext context, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(context);
        return new Session(ruleSet, facts, context, options ?? EvaluationOptions.Default).Run();
    }
}
