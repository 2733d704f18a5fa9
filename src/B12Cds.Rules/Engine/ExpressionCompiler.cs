using B12Cds.Facts.Units;
using B12Cds.Rules.Expressions;
using B12Cds.Rules.Schema;

namespace B12Cds.Rules.Engine;

/// <summary>
/// Type-checks a parsed expression against the fact schema and compiles it to an <see cref="Evaluator"/>.
/// Every mistake an informaticist can make (an unknown field, comparing a quantity with text, incompatible units,
/// an unknown value set or parameter) is an <see cref="ExpressionSyntaxException"/> with the exact span.
/// </summary>
internal static partial class ExpressionCompiler
{
    /// <summary>Compiles a condition: it must be true/false.</summary>
    public static CompiledExpression CompileCondition(Expr expr, CompileScope scope)
    {
        var compiled = Compile(expr, scope);
        if (compiled.Type.Kind != ValueKind.Boolean)
        {
            throw new ExpressionSyntaxException($"A condition must be true or false, but this is {compiled.Type.Describe()}; compare it with something (e.g. value < 133 pmol/L).", expr.Span);
        }

        return compiled;
    }

    /// <summary>Compiles any expression.</summary>
    public static CompiledExpression Compile(Expr expr, CompileScope scope) => expr switch
    {
        NumberLiteral n => CompileNumber(n),
        StringLiteral s => Constant(Value.FromText(s.Value), ExprType.Text),
        BooleanLiteral b => Constant(Value.FromBoolean(b.Value), ExprType.Boolean),
        NowExpr => new CompiledExpression(ExprType.Date, static row => Value.FromDate(row.Context.Now)),
        ParameterRef p => CompileParameter(p, scope),
        PathExpr p => CompilePath(p, scope),
        ListExpr l => CompileList(l, scope),
        UnaryExpr u => CompileUnary(u, scope),
        BinaryExpr b when b.Operator is "and" or "or" => CompileLogical(b, scope),
        BinaryExpr b when b.Operator is "+" or "-" => CompileArithmetic(b, scope),
        BinaryExpr b => CompileComparison(b.Operator, b.Left, b.Right, b.Span, scope),
        BetweenExpr b => CompileBetween(b, scope),
        InValueSetExpr i => CompileInValueSet(i, scope),
        InListExpr i => CompileInList(i, scope),
        PresenceExpr p => CompilePresence(p, scope),
        _ => throw new ExpressionSyntaxException("Unsupported expression.", expr.Span),
    };

    private static CompiledExpression Constant(Value value, ExprType type) => new(type, _ => value, ConstantValue: value);

    private static CompiledExpression CompileNumber(NumberLiteral n)
    {
        if (n.Unit is null)
        {
            return Constant(Value.FromNumber(n.Value), ExprType.Number);
        }

        if (DurationUnits.TryGet(n.Unit, out var timeUnit))
        {
            return Constant(Value.FromDuration(n.Value, timeUnit), ExprType.Duration);
        }

        if (!UnitConversion.TryNormalize(n.Unit, out var ucum))
        {
            throw new ExpressionSyntaxException($"'{n.Unit}' is not a unit B12 CDS knows; write a UCUM unit (pmol/L, ng/L, umol/L, g/L, fL, mg, ug) or a duration (days, weeks, months, years).", n.Span);
        }

        return Constant(Value.FromQuantity(n.Value, ucum), ExprType.Quantity(ucum));
    }

    private static CompiledExpression CompileParameter(ParameterRef p, CompileScope scope)
    {
        if (!scope.Parameters.TryGetValue(p.Name, out var value))
        {
            var known = scope.Parameters.Count == 0 ? "none are defined" : "known: " + string.Join(", ", scope.Parameters.Keys.Order().Select(k => "$" + k));
            throw new ExpressionSyntaxException($"Unknown parameter ${p.Name} ({known}); parameters are defined in rules/parameters.yaml.", p.Span);
        }

        var type = value.Kind switch
        {
            ValueKind.Quantity => ExprType.Quantity(value.Unit),
            ValueKind.Duration => ExprType.Duration,
            ValueKind.Number => ExprType.Number,
            ValueKind.Boolean => ExprType.Boolean,
            ValueKind.Date => ExprType.Date,
            _ => ExprType.Text,
        };
        return Constant(value, type);
    }

    private static CompiledExpression CompilePath(PathExpr path, CompileScope scope)
    {
        var segments = path.Segments;
        CompiledExpression current;
        int next;

        // A single word is a field of the fact being matched before it is a binding, so a binding named like a
        // field (as: dose) never hides that field in a later condition; a dotted path starts with a binding.
        var binding = scope.Current is { } matched && segments.Count == 1 && matched.Type.TryGetField(segments[0], out _)
            ? null
            : scope.Bindings.GetValueOrDefault(segments[0]);
        if (binding is not null)
        {
            if (scope.Use is { } use)
            {
                use.Used = true;
            }

            var slot = binding.Slot;
            current = new CompiledExpression(ExprType.OfFact(binding.Type.Name), row => Value.FromFact(row.Slots[slot]));
            next = 1;
        }
        else if (scope.Current is { } cur && cur.Type.TryGetField(segments[0], out var field))
        {
            current = FieldOf(cur, field, cur.Slot);
            next = 1;
        }
        else if (segments.Count == 1)
        {
            // A bare word that names nothing is a symbol (status = active); used anywhere else it is reported.
            var symbol = Value.FromText(segments[0]);
            return new CompiledExpression(ExprType.Text, _ => symbol, IsSymbol: true, UnknownName: UnknownNameMessage(segments[0], scope));
        }
        else
        {
            throw new ExpressionSyntaxException($"'{segments[0]}' is neither a binding (name a pattern with 'as:') nor a field of {CurrentName(scope)}.", path.Span);
        }

        for (var i = next; i < segments.Count; i++)
        {
            // A binding's own type first (aggregates such as count and trend are not in the schema), then by name.
            var type = i == 1 && binding is not null ? binding.Type : null;
            if (type is null && (current.Type.Kind != ValueKind.Fact || current.Type.FactType is null || !scope.Schema.TryGet(current.Type.FactType, out type)))
            {
                throw new ExpressionSyntaxException($"'{string.Join('.', segments.Take(i))}' is {current.Type.Describe()}; it has no field '{segments[i]}'.", path.Span);
            }

            if (!type.TryGetField(segments[i], out var field))
            {
                throw new ExpressionSyntaxException($"{type.Name} has no field '{segments[i]}' (fields: {string.Join(", ", type.Fields.Select(f => f.Name).Order())}).", path.Span);
            }

            var read = field.Read;
            var previous = current.Evaluate;
            var fieldType = binding is not null && i == 1 ? Refine(field, binding) : field.Type;
            current = new CompiledExpression(fieldType, row => previous(row).Fact is { } f ? read(f) : Value.Null);
        }

        return current;
    }

    private static string UnknownNameMessage(string name, CompileScope scope)
    {
        var candidates = scope.Bindings.Keys.Concat(scope.Current?.Type.Fields.Select(f => f.Name) ?? []).ToList();
        var near = B12Cds.Facts.Terminology.ValueSetFileReader.Closest(name, candidates) is { } n ? $" Did you mean '{n}'?" : string.Empty;
        var fields = scope.Current is { } c ? $" Fields of {c.Type.Name}: {string.Join(", ", c.Type.Fields.Select(f => f.Name).Order())}." : string.Empty;
        var bindings = scope.Bindings.Count > 0 ? $" Names bound so far: {string.Join(", ", scope.Bindings.Keys.Where(k => !k.StartsWith('#')).Order())}." : string.Empty;
        return $"Unknown name '{name}': not a field of {CurrentName(scope)} nor a binding.{near}{fields}{bindings}";
    }

    private static CompiledExpression FieldOf(BindingInfo binding, FactField field, int slot)
    {
        var read = field.Read;
        return new CompiledExpression(Refine(field, binding), row => row.Slots[slot] is { } f ? read(f) : Value.Null);
    }

    /// <summary>
    /// A lab's quantities are checked against the unit and molar mass of the analytes the pattern names, so
    /// <c>reported &lt; 180 ng/L</c> is accepted for a pmol/L analyte; at run time <c>reported</c> carries no molar
    /// mass, so it compares only with units of its own kind.
    /// </summary>
    private static ExprType Refine(FactField field, BindingInfo binding) =>
        binding.Type.Name == "lab" && field.Type.Kind == ValueKind.Quantity
            ? ExprType.Quantity(binding.ValueUnit, binding.MolarMass)
            : field.Type;

    private static string CurrentName(CompileScope scope) => scope.Current is { } c ? $"the {c.Type.Name} being matched" : "any pattern here";

    private static CompiledExpression CompileList(ListExpr list, CompileScope scope)
    {
        var items = list.Items.Select(i => Compile(i, scope)).ToList();
        var elementType = items.Count == 0 ? ExprType.Text : items[0].Type;
        foreach (var (item, expr) in items.Zip(list.Items))
        {
            if (item.Type.Kind != elementType.Kind)
            {
                throw new ExpressionSyntaxException($"A list holds values of one kind: this is {item.Type.Describe()}, the first is {elementType.Describe()}.", expr.Span);
            }
        }

        var evaluators = items.Select(i => i.Evaluate).ToArray();
        return new CompiledExpression(ExprType.ListOf(elementType), row =>
        {
            var values = new Value[evaluators.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = evaluators[i](row);
            }

            return Value.FromList(values);
        });
    }

    private static CompiledExpression CompileUnary(UnaryExpr u, CompileScope scope)
    {
        var operand = Compile(u.Operand, scope);
        if (u.Operator == "not")
        {
            RequireBoolean(operand, u.Operand);
            var eval = operand.Evaluate;
            return new CompiledExpression(ExprType.Boolean, row => Value.FromBoolean(!eval(row).IsTrue));
        }

        var negate = operand.Evaluate;
        return operand.Type.Kind switch
        {
            ValueKind.Number => new CompiledExpression(operand.Type, row => negate(row) is { Kind: ValueKind.Number } v ? Value.FromNumber(-v.Number) : Value.Null),
            ValueKind.Quantity => new CompiledExpression(operand.Type, row => negate(row) is { Kind: ValueKind.Quantity } v ? Value.FromQuantity(-v.Number, v.Unit!, v.MolarMass) : Value.Null),
            _ => throw new ExpressionSyntaxException($"Cannot negate {operand.Type.Describe()}.", u.Span),
        };
    }

    private static CompiledExpression CompileLogical(BinaryExpr b, CompileScope scope)
    {
        var left = Compile(b.Left, scope);
        var right = Compile(b.Right, scope);
        RequireBoolean(left, b.Left);
        RequireBoolean(right, b.Right);
        var l = left.Evaluate;
        var r = right.Evaluate;
        return b.Operator == "and"
            ? new CompiledExpression(ExprType.Boolean, row => Value.FromBoolean(l(row).IsTrue && r(row).IsTrue))
            : new CompiledExpression(ExprType.Boolean, row => Value.FromBoolean(l(row).IsTrue || r(row).IsTrue));
    }

    private static void RequireBoolean(CompiledExpression compiled, Expr expr)
    {
        if (compiled.IsSymbol)
        {
            throw new ExpressionSyntaxException(compiled.UnknownName ?? $"Unknown name '{expr}': not a field, binding or keyword here.", expr.Span);
        }

        if (compiled.Type.Kind != ValueKind.Boolean)
        {
            throw new ExpressionSyntaxException($"Expected a true/false condition, but this is {compiled.Type.Describe()}.", expr.Span);
        }
    }

    private static CompiledExpression CompilePresence(PresenceExpr p, CompileScope scope)
    {
        var operand = Compile(p.Value, scope);
        if (operand.IsSymbol)
        {
            throw new ExpressionSyntaxException(operand.UnknownName ?? $"Unknown name '{p.Value}': not a field or binding.", p.Value.Span);
        }

        var eval = operand.Evaluate;
        var present = p.Present;
        return new CompiledExpression(ExprType.Boolean, row => Value.FromBoolean(eval(row).IsNull != present));
    }

    private static CompiledExpression CompileInValueSet(InValueSetExpr i, CompileScope scope)
    {
        var operand = Compile(i.Value, scope);
        if (operand.Type.Kind != ValueKind.Fact)
        {
            throw new ExpressionSyntaxException($"'in {i.ValueSetId}' tests a fact (a binding such as b12); this is {operand.Type.Describe()}.", i.Value.Span);
        }

        if (!scope.Terminology.ValueSets.ContainsKey(i.ValueSetId) && !scope.Terminology.Analytes.ContainsKey(i.ValueSetId))
        {
            throw new ExpressionSyntaxException($"Unknown value set '{i.ValueSetId}'; value sets are defined in rules/valuesets/.", i.ValueSetSpan);
        }

        var eval = operand.Evaluate;
        var id = i.ValueSetId;
        var negated = i.Negated;
        return new CompiledExpression(ExprType.Boolean, row => eval(row).Fact is { } f ? Value.FromBoolean(f.Is(id) != negated) : Value.FromBoolean(false));
    }

    private static CompiledExpression CompileInList(InListExpr i, CompileScope scope)
    {
        var operand = Compile(i.Value, scope);
        var list = (ExprType: Compile(i.List, scope).Type, Items: i.List.Items.Select(x => Compile(x, scope)).ToList());
        foreach (var (item, expr) in list.Items.Zip(i.List.Items))
        {
            CheckComparable("=", operand, item, i.Value, expr, i.Span);
        }

        var eval = operand.Evaluate;
        var items = list.Items.Select(x => x.Evaluate).ToArray();
        var negated = i.Negated;
        return new CompiledExpression(ExprType.Boolean, row =>
        {
            var v = eval(row);
            if (v.IsNull)
            {
                return Value.FromBoolean(false);
            }

            foreach (var item in items)
            {
                if (Compare(v, item(row)) == 0)
                {
                    return Value.FromBoolean(!negated);
                }
            }

            return Value.FromBoolean(negated);
        });
    }
}
