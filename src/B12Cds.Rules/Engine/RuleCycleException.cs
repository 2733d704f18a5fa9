namespace B12Cds.Rules.Engine;

/// <summary>A rule set that keeps firing without end (rules deriving facts that re-activate each other): the evaluation is stopped.</summary>
public sealed class RuleCycleException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="RuleCycleException"/> class.</summary>
    public RuleCycleException(int firings, IReadOnlyList<string> ruleIds)
        : base($"The rule set was stopped after {firings} firings: rules {string.Join(", ", ruleIds)} keep activating each other. Check that their derive actions do not re-create the facts their conditions test.")
    {
        RuleIds = ruleIds;
    }

    /// <summary>Initializes a new instance of the <see cref="RuleCycleException"/> class.</summary>
    public RuleCycleException()
        : this(0, [])
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RuleCycleException"/> class.</summary>
    public RuleCycleException(string message)
        : base(message)
    {
        RuleIds = [];
    }

    /// <summary>Initializes a new instance of the <see cref="RuleCycleException"/> class.</summary>
    public RuleCycleException(string message, Exception innerException)
        : base(message, innerException)
    {
        RuleIds = [];
    }

    /// <summary>Gets the rules involved, most frequent first.</summary>
    public IReadOnlyList<string> RuleIds { get; }
}
