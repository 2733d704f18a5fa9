namespace B12Cds.Rules.Engine;

/// <summary>How a pattern chooses among the facts that match it.</summary>
public enum Selection
{
    /// <summary>Every matching fact makes its own match (the default).</summary>
    Each,

    /// <summary>The most recent by the fact type's date.</summary>
    Latest,

    /// <summary>The oldest by the fact type's date.</summary>
    Earliest,

    /// <summary>The one with the smallest value of a field.</summary>
    Min,

    /// <summary>The one with the largest value of a field.</summary>
    Max,
}
