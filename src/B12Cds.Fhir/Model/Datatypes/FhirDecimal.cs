using System.Globalization;

namespace B12Cds.Fhir.Model;

/// <summary>
/// A FHIR <c>decimal</c>: arbitrary precision in JSON, held here as a <see cref="decimal"/> (which keeps trailing zeros:
/// 1.50 stays 1.50) plus the exact JSON text when a <see cref="decimal"/> cannot hold it (1E-245, 1E+245).
/// </summary>
public readonly struct FhirDecimal : IEquatable<FhirDecimal>, IComparable<FhirDecimal>
{
    private readonly string? _text;

    private FhirDecimal(decimal value, string? text, bool isExact)
    {
        Value = value;
        _text = text;
        IsExact = isExact;
    }

    /// <summary>Gets the value as a decimal; when <see cref="IsExact"/> is false, the nearest decimal (0 or ±<see cref="decimal.MaxValue"/>).</summary>
    public decimal Value { get; }

    /// <summary>Gets a value indicating whether <see cref="Value"/> is exactly the number written.</summary>
    public bool IsExact { get; }

    /// <summary>Gets the number as written in JSON.</summary>
    public string Text => _text ?? Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Gets a value indicating whether the JSON text must be written back as it was (exponent notation or out of decimal range).</summary>
    internal bool HasText => _text is not null;

    /// <summary>Creates a value from JSON number text.</summary>
    public static FhirDecimal FromJsonText(string text, decimal nearest, bool isExact) => new(nearest, text, isExact);

    public static implicit operator FhirDecimal(decimal value) => new(value, null, isExact: true);

    /// <summary>Creates a value from a decimal (the same as the implicit conversion).</summary>
    public static FhirDecimal FromDecimal(decimal value) => value;

    /// <inheritdoc/>
    public bool Equals(FhirDecimal other) => Value == other.Value && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FhirDecimal other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc/>
    public int CompareTo(FhirDecimal other) => Value.CompareTo(other.Value);

    /// <inheritdoc/>
    public override string ToString() => Text;

    public static bool operator ==(FhirDecimal left, FhirDecimal right) => left.Equals(right);

    public static bool operator !=(FhirDecimal left, FhirDecimal right) => !left.Equals(right);

    public static bool operator <(FhirDecimal left, FhirDecimal right) => left.CompareTo(right) < 0;

    public static bool operator <=(FhirDecimal left, FhirDecimal right) => left.CompareTo(right) <= 0;

    public static bool operator >(FhirDecimal left, FhirDecimal right) => left.CompareTo(right) > 0;

    public static bool operator >=(FhirDecimal left, FhirDecimal right) => left.CompareTo(right) >= 0;
}
