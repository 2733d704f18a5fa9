using B12Cds.Facts.Model;
using B12Cds.Facts.Terminology;
using B12Cds.Facts.Units;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Expressions;

namespace B12Cds.Rules.Loading;

/// <summary>Reads literal values written in rule files: <c>180 days</c>, <c>0.45 umol/L</c>, <c>1 mg</c>, <c>true</c>, <c>text</c>.</summary>
internal static class LiteralValues
{
    /// <summary>Reads any literal: a quantity, a duration, a number, true/false or text.</summary>
    public static Value Read(TreeScalar scalar)
    {
        try
        {
            return Parser.Parse(scalar.Value) switch
            {
                NumberLiteral { Unit: null } n => Value.FromNumber(n.Value),
                NumberLiteral n when DurationUnits.TryGet(n.Unit!, out var t) => Value.FromDuration(n.Value, t),
                NumberLiteral n when UnitConversion.TryNormalize(n.Unit, out var ucum) => Value.FromQuantity(n.Value, ucum),
                BooleanLiteral b => Value.FromBoolean(b.Value),
                _ => Value.FromText(scalar.Value),
            };
        }
        catch (ExpressionSyntaxException)
        {
            return Value.FromText(scalar.Value);
        }
    }

    /// <summary>Reads a quantity with a UCUM unit (<c>1 mg</c>), reporting anything else.</summary>
    public static Measurement? Quantity(TreeScalar? scalar, string what, YamlReading yaml)
    {
        if (scalar is null)
        {
            return null;
        }

        var value = Read(scalar);
        if (value.Kind == ValueKind.Quantity)
        {
            return new Measurement(value.Number, value.Unit!);
        }

        yaml.Error(RuleDiagnosticIds.InvalidValue, scalar.Location, $"{what} must be a number with a UCUM unit (e.g. 1 mg, 1000 ug), not '{scalar.Value}'.");
        return null;
    }

    /// <summary>Reads a duration (<c>2 wk</c>, <c>3 months</c>) as a UCUM time quantity.</summary>
    public static Measurement? Duration(TreeScalar? scalar, string what, YamlReading yaml)
    {
        if (scalar is null)
        {
            return null;
        }

        var value = Read(scalar);
        if (value.Kind == ValueKind.Duration)
        {
            return new Measurement(value.Number, value.Unit!);
        }

        yaml.Error(RuleDiagnosticIds.InvalidValue, scalar.Location, $"{what} must be a duration (e.g. 2 weeks, 3 months, 10 days), not '{scalar.Value}'.");
        return null;
    }

    /// <summary>Reads a whole number.</summary>
    public static int? Integer(TreeScalar? scalar, string what, YamlReading yaml)
    {
        if (scalar is null)
        {
            return null;
        }

        if (int.TryParse(scalar.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        yaml.Error(RuleDiagnosticIds.InvalidValue, scalar.Location, $"{what} must be a whole number, not '{scalar.Value}'.");
        return null;
    }

    /// <summary>The location of a scalar, for messages.</summary>
    public static SourceLocation At(TreeScalar scalar) => scalar.Location;
}
