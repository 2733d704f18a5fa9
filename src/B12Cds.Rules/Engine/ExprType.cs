namespace B12Cds.Rules.Engine;

/// <summary>
/// The static type of an expression, checked when rules load: its kind, and for quantities a unit to check
/// commensurability against (and whether a molar mass makes mass and substance units convertible).
/// </summary>
/// <param name="Kind">The kind of value.</param>
/// <param name="Unit">For a Quantity, a representative UCUM unit (the analyte's canonical unit); null when any unit is possible.</param>
/// <param name="MolarMass">For a Quantity, the molar mass that converts between mass and substance units; null when none.</param>
/// <param name="FactType">For a Fact, its fact type name.</param>
/// <param name="ElementType">For a List, the type of its items.</param>
public sealed record ExprType(ValueKind Kind, string? Unit = null, decimal? MolarMass = null, string? FactType = null, ExprType? ElementType = null)
{
    public static readonly ExprType Boolean = new(ValueKind.Boolean);
    public static readonly ExprType Number = new(ValueKind.Number);
    public static readonly ExprType Date = new(ValueKind.Date);
    public static readonly ExprType Duration = new(ValueKind.Duration);
    public static readonly ExprType Text = new(ValueKind.Text);
    public static readonly ExprType Null = new(ValueKind.Null);

    /// <summary>Creates a quantity type.</summary>
    public static ExprType Quantity(string? unit, decimal? molarMass = null) => new(ValueKind.Quantity, unit, molarMass);

    /// <summary>Creates a fact type.</summary>
    public static ExprType OfFact(string factType) => new(ValueKind.Fact, FactType: factType);

    /// <summary>Creates a list type.</summary>
    public static ExprType ListOf(ExprType element) => new(ValueKind.List, ElementType: element);

    /// <summary>Describes the type for error messages: "a quantity (pmol/L)", "a date".</summary>
    public string Describe() => Kind switch
    {
        ValueKind.Quantity => Unit is null ? "a quantity" : $"a quantity ({Unit})",
        ValueKind.Fact => $"a {FactType} fact",
        ValueKind.List => $"a list of {ElementType?.Describe() ?? "values"}",
        ValueKind.Boolean => "true/false",
        ValueKind.Number => "a number",
        ValueKind.Date => "a date",
        ValueKind.Duration => "a duration",
        ValueKind.Text => "text",
        _ => "nothing",
    };
}
