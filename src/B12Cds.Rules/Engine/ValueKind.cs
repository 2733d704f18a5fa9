namespace B12Cds.Rules.Engine;

/// <summary>The kinds of value a rule expression works with.</summary>
public enum ValueKind
{
    /// <summary>No value: a missing field. Every comparison with it is false; test it with <c>is missing</c>.</summary>
    Null,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A plain number (an age in years, a count).</summary>
    Number,

    /// <summary>A number with a UCUM unit (133 pmol/L), compared after unit conversion.</summary>
    Quantity,

    /// <summary>A point in time.</summary>
    Date,

    /// <summary>A length of time (180 days, 3 months).</summary>
    Duration,

    /// <summary>Text or a code (final, route-oral).</summary>
    Text,

    /// <summary>A fact (a bound pattern), which can be tested against value sets with <c>in</c>.</summary>
    Fact,

    /// <summary>A list of values.</summary>
    List,
}
