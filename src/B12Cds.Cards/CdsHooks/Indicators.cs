namespace B12Cds.Cards.CdsHooks;

/// <summary>The CDS Hooks card indicators, in increasing urgency.</summary>
public static class Indicators
{
    public const string Info = "info";

    public const string Warning = "warning";

    public const string Critical = "critical";

    /// <summary>Gets the urgency rank: critical 3, warning 2, info 1, anything else 0.</summary>
    public static int Rank(string? indicator) => indicator switch
    {
        Critical => 3,
        Warning => 2,
        Info => 1,
        _ => 0,
    };
}
