using System.Globalization;
using B12Cds.Facts.Model;

namespace B12Cds.Rules.Engine;

/// <summary>A runtime value of a rule expression: a small tagged union, so evaluating a condition allocates nothing.</summary>
public readonly struct Value : IEquatable<Value>
{
    private readonly decimal _number;
    private readonly string? _text;
    private readonly DateTimeOffset _date;
    private readonly object? _reference;

    private Value(ValueKind kind, decimal number = 0, string? text = null, DateTimeOffset date = default, object? reference = null, decimal molarMass = 0)
    {
        Kind = kind;
        _number = number;
        _text = text;
        _date = date;
        _reference = reference;
        MolarMass = molarMass;
    }

    /// <summary>Gets the missing value.</summary>
    public static Value Null => default;

    /// <summary>Gets the kind of value.</summary>
    public ValueKind Kind { get; }

    /// <summary>Gets a value indicating whether this is the missing value.</summary>
    public bool IsNull => Kind == ValueKind.Null;

    /// <summary>Gets the number of a Number, Quantity or Duration.</summary>
    public decimal Number => _number;

    /// <summary>Gets the UCUM unit of a Quantity, or the unit of time of a Duration (d, wk, mo, a).</summary>
    public string? Unit => Kind is ValueKind.Quantity or ValueKind.Duration ? _text : null;

    /// <summary>Gets the text of a Text value.</summary>
    public string? Text => Kind == ValueKind.Text ? _text : null;

    /// <summary>Gets the instant of a Date.</summary>
    public DateTimeOffset Date => _date;

    /// <summary>Gets the fact of a Fact value.</summary>
    public Fact? Fact => _reference as Fact;

    /// <summary>Gets the items of a List.</summary>
    public IReadOnlyList<Value> Items => _reference as IReadOnlyList<Value> ?? [];

    /// <summary>Gets the molar mass (g/mol) a Quantity may be converted with between mass and substance units; 0 when none.</summary>
    public decimal MolarMass { get; }

    /// <summary>Gets a Boolean's value (false for anything else).</summary>
    public bool IsTrue => Kind == ValueKind.Boolean && _number != 0;

    public static Value FromBoolean(bool value) => new(ValueKind.Boolean, value ? 1 : 0);

    public static Value FromNumber(decimal value) => new(ValueKind.Number, value);

    public static Value FromNumber(decimal? value) => value is { } v ? FromNumber(v) : Null;

    public static Value FromQuantity(decimal value, string unit, decimal? molarMass = null) => new(ValueKind.Quantity, value, unit, molarMass: molarMass ?? 0);

    public static Value FromMeasurement(Measurement? measurement, decimal? molarMass = null) =>
        measurement is { } m ? FromQuantity(m.Value, m.Unit, molarMass) : Null;

    public static Value FromDate(DateTimeOffset value) => new(ValueKind.Date, date: value);

    public static Value FromDate(B12Cds.Fhir.Model.FhirDateTime? value) => value is { } v ? FromDate(v.Start) : Null;

    public static Value FromDuration(decimal amount, string unit) => new(ValueKind.Duration, amount, unit);

    public static Value FromText(string? value) => value is null ? Null : new(ValueKind.Text, text: value);

    public static Value FromFact(Fact? fact) => fact is null ? Null : new(ValueKind.Fact, reference: fact);

    public static Value FromList(IReadOnlyList<Value> items) => new(ValueKind.List, reference: items);

    /// <inheritdoc/>
    public bool Equals(Value other) =>
        Kind == other.Kind && _number == other._number && string.Equals(_text, other._text, StringComparison.Ordinal)
        && _date == other._date && ReferenceEquals(_reference, other._reference);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Value other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, _number, _text, _date, _reference);

    /// <summary>Formats the value for card text: quantities with their unit, dates as dates (with the time when it is not midnight).</summary>
    public override string ToString() => Kind switch
    {
        ValueKind.Null => "unknown",
        ValueKind.Boolean => IsTrue ? "yes" : "no",
        ValueKind.Number => _number.ToString("0.####", CultureInfo.InvariantCulture),
        ValueKind.Quantity => $"{_number.ToString("0.####", CultureInfo.InvariantCulture)} {UnitDisplay(_text)}",
        ValueKind.Duration => $"{_number.ToString("0.##", CultureInfo.InvariantCulture)} {DurationDisplay(_text, _number)}",
        ValueKind.Date => _date.TimeOfDay == TimeSpan.Zero ? _date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : _date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        ValueKind.Text => _text ?? string.Empty,
        ValueKind.Fact => Fact?.Label ?? Fact?.Source.ToString() ?? "fact",
        ValueKind.List => string.Join(", ", Items.Select(i => i.ToString())),
        _ => string.Empty,
    };

    public static bool operator ==(Value left, Value right) => left.Equals(right);

    public static bool operator !=(Value left, Value right) => !left.Equals(right);

    /// <summary>Shows UCUM micrograms as clinicians write them.</summary>
    private static string UnitDisplay(string? unit) => unit switch
    {
        "ug" => "micrograms",
        "ug/d" => "micrograms/day",
        null => string.Empty,
        _ => unit,
    };

    private static string DurationDisplay(string? unit, decimal amount) => (unit, amount == 1) switch
    {
        ("d", true) => "day",
        ("d", false) => "days",
        ("wk", true) => "week",
        ("wk", false) => "weeks",
        ("mo", true) => "month",
        ("mo", false) => "months",
        ("a", true) => "year",
        ("a", false) => "years",
        _ => unit ?? string.Empty,
    };
}
