using System.Text.RegularExpressions;
using B12Cds.Facts.Terminology;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Expressions;
using B12Cds.Rules.Model;
using B12Cds.Rules.Schema;

namespace B12Cds.Rules.Loading;

/// <summary>
/// Compiles one rule from its YAML mapping: header, then each condition in order (each binding is visible to the
/// conditions after it), then each action. Every problem is reported with its position; a rule with any error is
/// not built.
/// </summary>
internal sealed partial class RuleCompiler
{
    internal static readonly string[] Areas =
        ["diagnosis", "pernicious-anemia", "malabsorption", "diet", "medication", "neurologic-urgency", "regimen", "monitoring", "non-response", "safety"];

    private static readonly string[] RuleKeys = ["id", "title", "area", "priority", "status", "profiles", "citations", "description", "when", "then"];
    private static readonly string[] Statuses = ["draft", "active", "retired"];
    private static readonly string[] Profiles = ["us", "uk"];
    private static readonly string[] PatternKeys = ["as", "select", "within", "where"];
    private static readonly string[] InnerKeys = ["within", "where"];
    private static readonly string[] TrendInnerKeys = ["within", "where", "of"];
    private static readonly string[] AggregateKeys = ["as", "where"];
    private static readonly string[] Indicators = ["info", "warning", "critical"];
    private static readonly string[] CardKeys = ["indicator", "summary", "detail", "area", "links", "suggestions", "group"];
    private static readonly string[] LinkKeys = ["label", "url", "type"];
    private static readonly string[] SuggestionKeys = ["label", "regimen", "order", "referral", "recommended"];

    private readonly YamlReading _yaml;
    private readonly FactSchema _schema;
    private readonly TerminologyCatalog _terminology;
    private readonly IReadOnlyDictionary<string, Value> _parameters;
    private readonly IReadOnlyDictionary<string, Regimen> _regimens;
    private readonly Dictionary<string, BindingInfo> _bindings = new(StringComparer.Ordinal);
    private readonly List<string?> _slotNames = [];
    private int _errors;

    private RuleCompiler(YamlReading yaml, FactSchema schema, TerminologyCatalog terminology, IReadOnlyDictionary<string, Value> parameters, IReadOnlyDictionary<string, Regimen> regimens)
    {
        _yaml = yaml;
        _schema = schema;
        _terminology = terminology;
        _parameters = parameters;
        _regimens = regimens;
    }

    public static Rule? Compile(
        YamlReading yaml,
        TreeNode node,
        int order,
        FactSchema schema,
        TerminologyCatalog terminology,
        IReadOnlyDictionary<string, Value> parameters,
        IReadOnlyDictionary<string, Regimen> regimens)
    {
        var compiler = new RuleCompiler(yaml, schema, terminology, parameters, regimens);
        var before = yaml.Diagnostics.Count(d => d.IsError);
        var rule = compiler.CompileRule(node, order);
        return yaml.Diagnostics.Count(d => d.IsError) > before || compiler._errors > 0 ? null : rule;
    }

    private Rule? CompileRule(TreeNode node, int order)
    {
        var keys = _yaml.Keys(node, "a rule", RuleKeys, "id", "title", "area", "citations", "when", "then");
        var idScalar = _yaml.Scalar(keys, "id", "a rule");
        if (idScalar is not null && !IdPattern().IsMatch(idScalar.Value))
        {
            Error(RuleDiagnosticIds.InvalidValue, idScalar.Location, $"'{idScalar.Value}' is not a rule id: write the catalogue pattern AREA-NN (e.g. DX-04, SF-02).");
        }

        var id = idScalar?.Value ?? "?";
        var what = $"rule {id}";
        var title = _yaml.Scalar(keys, "title", what)?.Value;
        var area = _yaml.OneOf(keys, "area", what, Areas);
        var priority = LiteralValues.Integer(_yaml.Scalar(keys, "priority", what), $"The priority of {what}", _yaml) ?? 0;
        var status = _yaml.OneOf(keys, "status", what, Statuses) ?? "active";
        var profiles = _yaml.Scalars(keys.GetValueOrDefault("profiles"), $"the profiles of {what}");
        foreach (var p in profiles.Where(p => !Profiles.Contains(p.Value)))
        {
            Error(RuleDiagnosticIds.InvalidValue, p.Location, $"'{p.Value}' is not a profile: use us or uk.");
        }

        var citations = CitationReader.Read(_yaml, keys.GetValueOrDefault("citations"), what);
        if (keys.ContainsKey("citations") && citations.Count == 0)
        {
            Error(RuleDiagnosticIds.MissingKey, node.Location, $"{what} needs at least one citation: every output cites its source.");
        }

        var patterns = new List<PatternNode>();
        var conditions = _yaml.Items(keys.GetValueOrDefault("when"), $"the conditions of {what}");
        if (keys.TryGetValue("when", out var whenNode) && conditions.Count == 0)
        {
            Error(RuleDiagnosticIds.MissingKey, whenNode.Location, $"{what} needs at least one condition under 'when'.");
        }

        foreach (var condition in conditions)
        {
            if (CompileCondition(condition, what) is { } pattern)
            {
                patterns.Add(pattern);
            }
        }

        var actions = new List<RuleAction>();
        var thens = _yaml.Items(keys.GetValueOrDefault("then"), $"the actions of {what}");
        if (keys.TryGetValue("then", out var thenNode) && thens.Count == 0)
        {
            Error(RuleDiagnosticIds.MissingKey, thenNode.Location, $"{what} needs at least one action under 'then'.");
        }

        foreach (var action in thens)
        {
            if (CompileAction(action, what, area ?? "diagnosis", profiles.Select(p => p.Value).ToList()) is { } compiled)
            {
                actions.Add(compiled);
            }
        }

        if (idScalar is null || title is null || area is null)
        {
            return null;
        }

        var header = new RuleHeader
        {
            Id = idScalar.Value,
            Title = title,
            Area = area,
            Priority = priority,
            Status = status switch { "draft" => RuleStatus.Draft, "retired" => RuleStatus.Retired, _ => RuleStatus.Active },
            Profiles = profiles.Select(p => p.Value).ToList(),
            Citations = citations,
            Description = _yaml.Scalar(keys, "description", what)?.Value,
            Location = idScalar.Location,
            Order = order,
        };
        return new Rule(header, patterns, actions, _slotNames);
    }

    private PatternNode? CompileCondition(TreeNode node, string what)
    {
        if (node is not TreeMapping mapping || mapping.Entries.Count == 0)
        {
            Error(RuleDiagnosticIds.InvalidValue, node.Location, $"Each condition of {what} is a mapping: a fact type (lab: b12-total), not:, exists:, count:, trend: or check:.");
            return null;
        }

        var first = mapping.Entries[0].Key;
        switch (first.Value)
        {
            case "not" or "exists":
            {
                var keys = _yaml.Keys(node, $"a '{first.Value}' condition of {what}", [first.Value]);
                if (CompileFactPattern(keys.GetValueOrDefault(first.Value), what, InnerKeys, bindingName: null) is not { } inner)
                {
                    return null;
                }

                return first.Value == "not" ? new NotNode(inner) : new ExistsNode(inner);
            }

            case "count" or "trend":
                return CompileAggregate(first.Value, node, what);

            case "check":
            {
                var keys = _yaml.Keys(node, $"a check of {what}", ["check"]);
                var scalar = _yaml.Scalar(keys, "check", what);
                return scalar is not null && CompileExpression(scalar, current: null, condition: true) is { } check ? new CheckNode(check.Evaluate) : null;
            }

            default:
                var name = mapping.Entries.FirstOrDefault(e => e.Key.Value == "as").Value as TreeScalar;
                return CompileFactPattern(node, what, PatternKeys, name);
        }
    }

    private FactPatternNode? CompileFactPattern(TreeNode? node, string what, string[] allowedExtra, TreeScalar? bindingName)
    {
        if (node is not TreeMapping mapping)
        {
            Error(RuleDiagnosticIds.InvalidValue, node?.Location ?? default, $"A condition of {what} must name a fact type, e.g. 'lab: b12-total'.");
            return null;
        }

        var typeEntries = mapping.Entries.Where(e => !allowedExtra.Contains(e.Key.Value)).ToList();

        // Of several candidate keys, the one naming a fact type is the type; the others are typos of the other keys.
        if (typeEntries.Count > 1 && typeEntries.Count(e => _schema.TryGet(e.Key.Value, out _)) == 1)
        {
            typeEntries = [.. typeEntries.OrderBy(e => _schema.TryGet(e.Key.Value, out _) ? 0 : 1)];
        }

        if (typeEntries.Count != 1)
        {
            if (typeEntries.Count == 0)
            {
                Error(RuleDiagnosticIds.MissingKey, mapping.Location, $"A condition of {what} must name one fact type ({string.Join(", ", FactSchema.BuiltInNames)} or a derived type).");
            }
            else
            {
                foreach (var extra in typeEntries.Skip(1))
                {
                    var hint = ValueSetFileReader.Closest(extra.Key.Value, allowedExtra) is { } near ? $" Did you mean '{near}'?" : string.Empty;
                    Error(RuleDiagnosticIds.UnknownKey, extra.Key.Location, $"'{extra.Key.Value}' is not a key here: a condition names one fact type ('{typeEntries[0].Key.Value}'), then {string.Join(", ", allowedExtra)}.{hint}");
                }
            }

            return null;
        }

        var (typeKey, valueSetNode) = typeEntries[0];
        if (!_schema.TryGet(typeKey.Value, out var type))
        {
            var names = _schema.Types.Select(t => t.Name).ToList();
            var hint = ValueSetFileReader.Closest(typeKey.Value, names) is { } near ? $" Did you mean '{near}'?" : string.Empty;
            Error(RuleDiagnosticIds.UnknownFactType, typeKey.Location, $"Unknown fact type '{typeKey.Value}' (fact types: {string.Join(", ", names.Order())}; declare derived ones under 'derived:').{hint}");
            return null;
        }

        var keys = _yaml.Keys(new TreeMapping(mapping.Location, mapping.Entries.Where(e => e.Key.Value != typeKey.Value).ToList()), $"the {typeKey.Value} condition of {what}", allowedExtra);
        var valueSets = _yaml.Scalars(valueSetNode, $"the value sets of the {type.Name} condition");
        CheckValueSets(type, valueSets);

        string? valueUnit = null;
        decimal? molarMass = null;
        if (type.Name == "lab")
        {
            var analytes = valueSets.Select(v => _terminology.Analytes.GetValueOrDefault(v.Value)).Where(a => a is not null).ToList();
            if (analytes.Count > 0 && analytes.All(a => a!.CanonicalUnit == analytes[0]!.CanonicalUnit))
            {
                valueUnit = analytes[0]!.CanonicalUnit;
                molarMass = analytes.All(a => a!.MolarMass == analytes[0]!.MolarMass) ? analytes[0]!.MolarMass : null;
            }
        }

        var slot = AddSlot(bindingName);
        var binding = new BindingInfo(bindingName?.Value ?? $"#{slot}", slot, type, valueUnit, molarMass);

        Evaluator? within = null;
        DateShift? constantWithin = null;
        var use = new BindingUse();
        var withinScalar = _yaml.Scalar(keys, "within", what);
        if (withinScalar is not null)
        {
            if (type.Date is null)
            {
                Error(RuleDiagnosticIds.InvalidValue, withinScalar.Location, $"'within' needs a dated fact type; {type.Name} facts have no date.");
            }
            else if (CompileExpression(withinScalar, current: null, condition: false, use) is { } compiledWithin)
            {
                if (compiledWithin.Type.Kind != ValueKind.Duration)
                {
                    Error(RuleDiagnosticIds.ExpressionType, withinScalar.Location, $"'within' must be a duration (180 days, 12 months, $lookback_dx), not {compiledWithin.Type.Describe()}.");
                }

                within = compiledWithin.Evaluate;
                constantWithin = compiledWithin.ConstantValue is { Kind: ValueKind.Duration } duration ? DateShift.Back(duration) : null;
            }
        }

        var (select, selectField) = CompileSelect(keys, type, what);
        Evaluator? where = null;
        var whereScalar = _yaml.Scalar(keys, "where", what);
        if (whereScalar is not null)
        {
            where = CompileExpression(whereScalar, binding, condition: true, use)?.Evaluate;
        }

        // A pattern that reads no binding finds the same facts in every rule and for every match: patterns written
        // alike share one key, and the engine works their result out once per evaluation (NRules shares alpha nodes).
        var shared = use.Used
            ? null
            : type.SharedPatternFor(string.Join('\u001f', string.Join(',', valueSets.Select(v => v.Value)), withinScalar?.Value, whereScalar?.Value, select, selectField?.Name));

        if (bindingName is not null)
        {
            if (!NamePattern().IsMatch(bindingName.Value))
            {
                Error(RuleDiagnosticIds.InvalidValue, bindingName.Location, $"'{bindingName.Value}' is not a valid binding name: use letters, digits and '_' (e.g. b12, first_dose).");
            }
            else if (ReservedName(bindingName.Value) is { } reason)
            {
                Error(RuleDiagnosticIds.DuplicateBinding, bindingName.Location, $"The name '{bindingName.Value}' {reason}; choose another (e.g. b12, hb, first_dose).");
            }
            else if (!_bindings.TryAdd(bindingName.Value, binding))
            {
                Error(RuleDiagnosticIds.DuplicateBinding, bindingName.Location, $"The name '{bindingName.Value}' is already bound in this rule.");
            }
        }

        return new FactPatternNode(type, valueSets.Select(v => v.Value).ToList(), within, where, slot, select, selectField, constantWithin, shared);
    }

    private (Selection, FactField?) CompileSelect(Dictionary<string, TreeNode> keys, FactTypeSchema type, string what)
    {
        if (_yaml.Scalar(keys, "select", what) is not { } scalar)
        {
            return (Selection.Each, null);
        }

        var parts = scalar.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (parts)
        {
            case ["latest" or "earliest"] when type.Date is null:
                Error(RuleDiagnosticIds.InvalidValue, scalar.Location, $"'{parts[0]}' needs a dated fact type; {type.Name} facts have no date.");
                return (Selection.Each, null);
            case ["latest"]:
                return (Selection.Latest, null);
            case ["earliest"]:
                return (Selection.Earliest, null);
            case ["min" or "max", var fieldName]:
                if (!type.TryGetField(fieldName, out var field) || field.Type.Kind is not (ValueKind.Number or ValueKind.Quantity or ValueKind.Date or ValueKind.Duration))
                {
                    Error(RuleDiagnosticIds.InvalidValue, scalar.Location, $"'{parts[0]} {fieldName}': {type.Name} has no number, quantity or date field '{fieldName}'.");
                    return (Selection.Each, null);
                }

                return (parts[0] == "min" ? Selection.Min : Selection.Max, field);
            default:
                Error(RuleDiagnosticIds.InvalidValue, scalar.Location, $"'{scalar.Value}' is not a selection: use latest, earliest, min <field> or max <field>.");
                return (Selection.Each, null);
        }
    }

    private PatternNode? CompileAggregate(string kind, TreeNode node, string what)
    {
        var mapping = (TreeMapping)node;
        var bindingName = mapping.Entries.FirstOrDefault(e => e.Key.Value == "as").Value as TreeScalar;
        var keys = _yaml.Keys(node, $"a '{kind}' condition of {what}", [kind, .. AggregateKeys]);
        var innerNode = keys.GetValueOrDefault(kind);
        TreeScalar? of = null;
        if (kind == "trend" && innerNode is TreeMapping innerMapping)
        {
            of = innerMapping.Entries.FirstOrDefault(e => e.Key.Value == "of").Value as TreeScalar;
        }

        var inner = CompileFactPattern(innerNode, what, kind == "trend" ? TrendInnerKeys : InnerKeys, bindingName: null);
        if (inner is null)
        {
            return null;
        }

        FactField? trendField = null;
        if (kind == "trend")
        {
            var fieldName = of?.Value ?? "value";
            if (!inner.Type.TryGetField(fieldName, out trendField) || trendField.Type.Kind is not (ValueKind.Number or ValueKind.Quantity))
            {
                Error(RuleDiagnosticIds.InvalidValue, of?.Location ?? innerNode!.Location, $"A trend follows a number or quantity field; {inner.Type.Name} has no such field '{fieldName}'.");
                return null;
            }

            if (inner.Type.Date is null)
            {
                Error(RuleDiagnosticIds.InvalidValue, innerNode!.Location, $"A trend needs a dated fact type; {inner.Type.Name} facts have no date.");
                return null;
            }
        }

        var aggregateType = kind == "count"
            ? new FactTypeSchema("count", "How many facts matched.", [AggregateField("count", ExprType.Number, "How many facts matched.")], null, isDerived: false)
            : new FactTypeSchema(
                "trend",
                "The first and last matching facts by date, and the change between them.",
                [
                    AggregateField("first", ExprType.OfFact(inner.Type.Name), "The earliest matching fact."),
                    AggregateField("last", ExprType.OfFact(inner.Type.Name), "The latest matching fact."),
                    AggregateField("change", trendField!.Type, "last minus first, in the last one's unit."),
                    AggregateField("days", ExprType.Number, "Days from first to last."),
                    AggregateField("count", ExprType.Number, "How many facts matched."),
                ],
                null,
                isDerived: false);

        var slot = AddSlot(bindingName);
        var binding = new BindingInfo(bindingName?.Value ?? $"#{slot}", slot, aggregateType);
        Evaluator? where = null;
        if (_yaml.Scalar(keys, "where", what) is { } whereScalar)
        {
            where = CompileExpression(whereScalar, binding, condition: true)?.Evaluate;
        }

        if (bindingName is not null && !_bindings.TryAdd(bindingName.Value, binding))
        {
            Error(RuleDiagnosticIds.DuplicateBinding, bindingName.Location, $"The name '{bindingName.Value}' is already bound in this rule.");
        }

        return kind == "count" ? new CountNode(inner, slot, where) : new TrendNode(inner, slot, trendField!, where);
    }

    /// <summary>Why a binding name cannot be used: a word of the expression language, which would never read as the binding.</summary>
    private static string? ReservedName(string name) =>
        name is "now" or "true" or "false" or "and" or "or" or "not" or "in" or "is" or "between" or "missing" or "present"
            ? "is a word of the expression language"
            : null;

    private static FactField AggregateField(string name, ExprType type, string description) =>
        new(name, type, f => f is AggregateFact a && a.Fields.TryGetValue(name, out var v) ? v : Value.Null, description);

    private void CheckValueSets(FactTypeSchema type, List<TreeScalar> valueSets)
    {
        foreach (var v in valueSets)
        {
            var isAnalyte = _terminology.Analytes.ContainsKey(v.Value);
            var isValueSet = _terminology.ValueSets.ContainsKey(v.Value);
            if (type.Name == "lab" && !isAnalyte)
            {
                var hint = ValueSetFileReader.Closest(v.Value, _terminology.Analytes.Keys) is { } near ? $" Did you mean '{near}'?" : string.Empty;
                Error(RuleDiagnosticIds.UnknownValueSet, v.Location, $"'{v.Value}' is not an analyte: lab conditions name analytes from rules/valuesets/labs.yaml.{hint}");
            }
            else if (type.Name != "lab" && !type.IsDerived && !isValueSet)
            {
                var hint = ValueSetFileReader.Closest(v.Value, _terminology.ValueSets.Keys) is { } near ? $" Did you mean '{near}'?" : string.Empty;
                Error(RuleDiagnosticIds.UnknownValueSet, v.Location, $"Unknown value set '{v.Value}' (value sets are in rules/valuesets/).{hint}");
            }
            else if (type.IsDerived)
            {
                Error(RuleDiagnosticIds.InvalidValue, v.Location, $"{type.Name} is a derived fact type: it has no value sets; leave its value empty and test its fields with 'where'.");
            }
        }
    }

    private int AddSlot(TreeScalar? name)
    {
        _slotNames.Add(name?.Value);
        return _slotNames.Count - 1;
    }

    /// <summary>Compiles an expression written in a YAML scalar, reporting errors at their exact position in the file.</summary>
    private CompiledExpression? CompileExpression(TreeScalar scalar, BindingInfo? current, bool condition, BindingUse? use = null)
    {
        Expr expr;
        try
        {
            expr = Parser.Parse(scalar.Value);
        }
        catch (ExpressionSyntaxException ex)
        {
            Error(RuleDiagnosticIds.ExpressionSyntax, _yaml.At(scalar, ex.Span), ex.Message);
            return null;
        }

        try
        {
            var scope = Scope(current) with { Use = use };
            return condition ? ExpressionCompiler.CompileCondition(expr, scope) : ExpressionCompiler.Compile(expr, scope);
        }
        catch (ExpressionSyntaxException ex)
        {
            var id = ex.Message.StartsWith("Unknown value set", StringComparison.Ordinal) ? RuleDiagnosticIds.UnknownValueSet : RuleDiagnosticIds.ExpressionType;
            Error(id, _yaml.At(scalar, ex.Span), ex.Message);
            return null;
        }
    }

    private CompileScope Scope(BindingInfo? current) =>
        new(_schema, _terminology, new Dictionary<string, BindingInfo>(_bindings, StringComparer.Ordinal), current, _parameters);

    private void Error(string id, SourceLocation at, string message)
    {
        _errors++;
        _yaml.Error(id, at, message);
    }

    [GeneratedRegex(@"^[A-Z]{2,4}-[0-9]{2,3}[a-z]?$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex NamePattern();
}
