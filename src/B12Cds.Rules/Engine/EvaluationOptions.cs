namespace B12Cds.Rules.Engine;

/// <summary>Settings for one evaluation.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Gets the default options.</summary>
    public static EvaluationOptions Default { get; } = new();

    /// <summary>Gets a value indicating whether draft rules run too (scenarios and dry runs; never production).</summary>
    public bool IncludeDrafts { get; init; }

    /// <summary>Gets the most firings one evaluation may make before it is stopped as a runaway (the cycle guard).</summary>
    /// <value>The default is 10,000: the B12 rule set makes a few dozen per patient.</value>
    public int MaxFirings { get; init; } = 10_000;
}
