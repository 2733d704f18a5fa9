using B12Cds.Facts.Units;
using B12Cds.Rules.Expressions;

namespace B12Cds.Rules.Engine;

/// <summary>Comparisons and arithmetic: which types go together, and what they mean at run time.</summary>
internal static partial class ExpressionCompiler
{
    private static CompiledExpression CompileComparison(string op, Expr leftExpr, Expr rightExpr, TextSpan span, CompileScope scope)
    {
        var left = Compile(leftExpr, scope);
        var right = Compile(rightExpr, scope);
        CheckComparable(op, left, right, leftExpr, rightExpr, span);
        var l = left.Evaluate;
        var r = right.Evaluate;
        Func<int, bool> test = op switch
        {
            "<" => static c => c < 0,
            "<=" => static c => c <= 0,
            ">" => static c => c > 0,
            ">=" => static c => c >= 0,
            "=" => static c => c == 0,
            _ => static c => c != 0,
        };

        // A missing value makes every comparison false (use 'is missing' to test for it).
        return new CompiledExpression(ExprType.Boolean, row => Compare(l(row), r(row)) is { } c ? Value.FromBoolean(test(c)) : Value.FromBoolean(false));
    }

    private static CompiledExpression CompileBetween(BetweenExpr b, CompileScope scope)
    {
        var value = Compile(b.Value, scope);
        var low = Compile(b.Low, scope);
        var high = Compile(b.High, scope);
        CheckComparable(">=", value, low, b.Value, b.Low, b.Span);
        CheckComparable("<=", value, high, b.Value, b.High, b.Span);
        var v = value.Evaluate;
        var lo = low.Evaluate;
        var hi = high.Evaluate;
        return new CompiledExpression(ExprType.Boolean, row =>
        {
            var x = v(row);
            return Value.FromBoolean(Compare(x, lo(row)) is >= 0 && Compare(x, hi(row)) is <= 0);
        });
    }

    private static void CheckComparable(string op, CompiledExpression left, CompiledExpression right, Expr leftExpr, Expr rightExpr, TextSpan span)
    {
        if (left.IsSymbol && (right.IsSymbol || right.Type.Kind != ValueKind.Text))
        {
            throw new ExpressionSyntaxException(left.UnknownName ?? $"Unknown name '{leftExpr}': not a field or binding.", leftExpr.Span);
        }

        if (right.IsSymbol && left.Type.Kind != ValueKind.Text)
        {
            throw new ExpressionSyntaxException((right.UnknownName ?? $"Unknown name '{rightExpr}': not a field or binding.") + $" (It is compared with {left.Type.Describe()}.)", rightExpr.Span);
        }

        var (a, b) = (left.Type, right.Type);
        if (a.Kind != b.Kind)
        {
            var hint = (a.Kind, b.Kind) switch
            {
                (ValueKind.Quantity, ValueKind.Number) or (ValueKind.Number, ValueKind.Quantity) => " Write the unit: e.g. 133 pmol/L.",
                (ValueKind.Date, ValueKind.Duration) or (ValueKind.Duration, ValueKind.Date) => " For a look-back, compare with a date: effective >= now - 180 days.",
                _ => string.Empty,
            };
            throw new ExpressionSyntaxException($"Type mismatch: cannot compare {a.Describe()} with {b.Describe()}.{hint}", span);
        }

        if (op is "<" or "<=" or ">" or ">=" && a.Kind is ValueKind.Text or ValueKind.Boolean or ValueKind.Fact or ValueKind.List)
        {
            throw new ExpressionSyntaxException($"'{op}' orders numbers, quantities, dates and durations, not {a.Describe()}; use = or !=.", span);
        }

        if (a.Kind == ValueKind.Quantity && a.Unit is { } ua && b.Unit is { } ub
            && !UnitConversion.AreCommensurable(ua, ub, a.MolarMass ?? b.MolarMass))
        {
            throw new ExpressionSyntaxException($"Incompatible units: {ua} cannot be compared with {ub}.", span);
        }
    }

    /// <summary>Compares two values of the same kind; null when either is missing or they cannot be compared.</summary>
    internal static int? Compare(Value a, Value b)
    {
        if (a.IsNull || b.IsNull || a.Kind != b.Kind)
        {
            return null;
        }

        return a.Kind switch
        {
            ValueKind.Number or ValueKind.Boolean => a.Number.CompareTo(b.Number),
            ValueKind.Quantity => Quantities.Compare(a, b),
            ValueKind.Date => a.Date.CompareTo(b.Date),
            ValueKind.Duration => Quantities.Days(a) is { } da && Quantities.Days(b) is { } db ? da.CompareTo(db) : null,
            ValueKind.Text => string.Compare(a.Text, b.Text, StringComparison.OrdinalIgnoreCase),
            ValueKind.Fact => ReferenceEquals(a.Fact, b.Fact) ? 0 : 1,
            _ => null,
        };
    }

    private static CompiledExpression CompileArithmetic(BinaryExpr b, CompileScope scope)
    {
        var left = Compile(b.Left, scope);
        var right = Compile(b.Right, scope);
        var l = left.Evaluate;
        var r = right.Evaluate;
        var sign = b.Operator == "+" ? 1 : -1;
        return (left.Type.Kind, right.Type.Kind) switch
        {
            (ValueKind.Date, ValueKind.Duration) => new CompiledExpression(ExprType.Date, row =>
                l(row) is { Kind: ValueKind.Date } d && r(row) is { Kind: ValueKind.Duration } p && Quantities.Add(d.Date, p, sign) is { } x ? Value.FromDate(x) : Value.Null),
            (ValueKind.Date, ValueKind.Date) when sign < 0 => new CompiledExpression(ExprType.Duration, row =>
                l(row) is { Kind: ValueKind.Date } d1 && r(row) is { Kind: ValueKind.Date } d2 ? Value.FromDuration(decimal.Round((decimal)(d1.Date - d2.Date).TotalDays, 4), "d") : Value.Null),
            (ValueKind.Duration, ValueKind.Duration) => new CompiledExpression(ExprType.Duration, row =>
                Quantities.Days(l(row)) is { } x && Quantities.Days(r(row)) is { } y ? Value.FromDuration(x + (sign * y), "d") : Value.Null),
            (ValueKind.Number, ValueKind.Number) => new CompiledExpression(ExprType.Number, row =>
                l(row) is { Kind: ValueKind.Number } x && r(row) is { Kind: ValueKind.Number } y ? Value.FromNumber(x.Number + (sign * y.Number)) : Value.Null),
            (ValueKind.Quantity, ValueKind.Quantity) => CompileQuantityArithmetic(left, right, b, sign),
            _ => throw new ExpressionSyntaxException($"Cannot {(sign > 0 ? "add" : "subtract")} {right.Type.Describe()} {(sign > 0 ? "to" : "from")} {left.Type.Describe()}.", b.Span),
        };
    }

    private static CompiledExpression CompileQuantityArithmetic(CompiledExpression left, CompiledExpression right, BinaryExpr b, int sign)
    {
        if (left.Type.Unit is { } ua && right.Type.Unit is { } ub && !UnitConversion.AreCommensurable(ua, ub, left.Type.MolarMass ?? right.Type.MolarMass))
        {
            throw new ExpressionSyntaxException($"Incompatible units: {ua} and {ub}.", b.Span);
        }

        var l = left.Evaluate;
        var r = right.Evaluate;
        return new CompiledExpression(left.Type, row =>
        {
            var x = l(row);
            var y = r(row);
            if (x.Kind != ValueKind.Quantity || y.Kind != ValueKind.Quantity)
            {
                return Value.Null;
            }

            var molarMass = x.MolarMass != 0 ? x.MolarMass : y.MolarMass;
            return Quantities.TryConvert(y, x.Unit!, molarMass, out var yInX) ? Value.FromQuantity(x.Number + (sign * yInX), x.Unit!, x.MolarMass) : Value.Null;
        });
    }
}
