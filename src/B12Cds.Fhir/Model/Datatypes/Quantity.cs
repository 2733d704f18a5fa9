namespace B12Cds.Fhir.Model;

/// <summary>
/// A measured amount (FHIR <c>Quantity</c>, and the same JSON shape for <c>SimpleQuantity</c>, <c>Age</c>,
/// <c>Duration</c> and <c>Count</c>). The decimal keeps the precision it was written with: 1.50 stays 1.50.
/// </summary>
public sealed record Quantity
{
    /// <summary>The UCUM system URI.</summary>
    public const string UcumSystem = "http://unitsofmeasure.org";

    public FhirDecimal? Value { get; init; }

    /// <summary>Gets the comparator: <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;=</c> or <c>&gt;</c>.</summary>
    public string? Comparator { get; init; }

    public string? Unit { get; init; }

    public string? System { get; init; }

    public string? Code { get; init; }

    /// <summary>Creates a UCUM quantity whose human unit is the UCUM code.</summary>
    public static Quantity Ucum(FhirDecimal value, string code) => new() { Value = value, Unit = code, System = UcumSystem, Code = code };
}
