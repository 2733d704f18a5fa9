using B12Cds.Facts.Terminology;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Expressions;
using B12Cds.Rules.Model;

namespace B12Cds.Rules.Loading;

/// <summary>Actions: <c>derive</c>, <c>card</c>, <c>careplan</c>.</summary>
internal sealed partial class RuleCompiler
{
    private RuleAction? CompileAction(TreeNode node, string what, string ruleArea, List<string> ruleProfiles)
    {
        if (node is not TreeMapping mapping || mapping.Entries.Count == 0)
        {
            Error(RuleDiagnosticIds.InvalidValue, node.Location, $"Each action of {what} is a mapping: derive:, card: or careplan:.");
            return null;
        }

        var kind = mapping.Entries[0].Key;
        switch (kind.Value)
        {
            case "derive":
            {
                var keys = _yaml.Keys(node, $"a derive action of {what}", ["derive", "with"], "derive");
                return CompileDerive(keys, what);
            }

            case "card":
            {
                var keys = _yaml.Keys(node, $"a card action of {what}", ["card"], "card");
                return CompileCard(keys.GetValueOrDefault("card"), what, ruleArea);
            }

            case "careplan":
            {
                var keys = _yaml.Keys(node, $"a careplan action of {what}", ["careplan"], "careplan");
                var regimen = _yaml.Scalar(keys, "careplan", what);
                if (regimen is null)
                {
                    return null;
                }

                if (!_regimens.TryGetValue(regimen.Value, out var found))
                {
                    Error(RuleDiagnosticIds.UnknownRegimen, regimen.Location, $"Unknown regimen '{regimen.Value}' (regimens are in rules/regimens.yaml).{Near(regimen.Value, _regimens.Keys)}");
                    return null;
                }

                if (ruleProfiles.Count != 1 || ruleProfiles[0] != found.Profile)
                {
                    Error(RuleDiagnosticIds.InvalidValue, regimen.Location, $"Regimen '{regimen.Value}' is for the {found.Profile} profile: a rule that puts it on the CarePlan must say 'profiles: [{found.Profile}]'.");
                    return null;
                }

                return new CarePlanAction(regimen.Value);
            }

            default:
                Error(RuleDiagnosticIds.UnknownKey, kind.Location, $"'{kind.Value}' is not an action: use derive, card or careplan.{Near(kind.Value, ["derive", "card", "careplan"])}");
                return null;
        }
    }

    private DeriveAction? CompileDerive(Dictionary<string, TreeNode> keys, string what)
    {
        var typeScalar = _yaml.Scalar(keys, "derive", what);
        if (typeScalar is null)
        {
            return null;
        }

        if (!_schema.TryGet(typeScalar.Value, out var type) || !type.IsDerived)
        {
            Error(RuleDiagnosticIds.UnknownFactType, typeScalar.Location, $"'{typeScalar.Value}' is not a declared derived fact type: declare it under 'derived:' with its fields.");
            return null;
        }

        var fields = new List<(string, Evaluator)>();
        if (keys.TryGetValue("with", out var withNode))
        {
            if (withNode is not TreeMapping withMap)
            {
                Error(RuleDiagnosticIds.InvalidValue, withNode.Location, "'with' must be a mapping of field: expression.");
                return null;
            }

            foreach (var (field, valueNode) in withMap.Entries)
            {
                if (!type.TryGetField(field.Value, out var declared) || field.Value is "label" or "source")
                {
                    Error(RuleDiagnosticIds.DeriveField, field.Location, $"{type.Name} has no field '{field.Value}' (declared: {string.Join(", ", type.Fields.Select(f => f.Name).Where(n => n is not ("label" or "source")))}).");
                    continue;
                }

                if (valueNode is not TreeScalar { IsNull: false } scalar)
                {
                    Error(RuleDiagnosticIds.InvalidValue, valueNode.Location, $"The value of '{field.Value}' must be an expression.");
                    continue;
                }

                if (CompileExpression(scalar, current: null, condition: false) is not { } compiled)
                {
                    continue;
                }

                var compatible = compiled.Type.Kind == declared.Type.Kind
                    && (declared.Type.Kind != ValueKind.Fact || declared.Type.FactType == compiled.Type.FactType)
                    && (declared.Type.Kind != ValueKind.Quantity || declared.Type.Unit is null || compiled.Type.Unit is null
                        || Facts.Units.UnitConversion.AreCommensurable(compiled.Type.Unit, declared.Type.Unit, compiled.Type.MolarMass));
                if (!compatible)
                {
                    Error(RuleDiagnosticIds.DeriveField, scalar.Location, $"'{field.Value}' of {type.Name} is declared as {declared.Type.Describe()}, but this is {compiled.Type.Describe()}.");
                    continue;
                }

                fields.Add((field.Value, compiled.Evaluate));
            }
        }

        return new DeriveAction(type.Name, fields);
    }

    private CardAction? CompileCard(TreeNode? node, string what, string ruleArea)
    {
        var keys = _yaml.Keys(node, $"the card of {what}", CardKeys, "indicator", "summary");
        var indicator = _yaml.OneOf(keys, "indicator", $"the card of {what}", Indicators);
        var area = _yaml.OneOf(keys, "area", $"the card of {what}", Areas) ?? ruleArea;
        var summary = CompileTemplate(_yaml.Scalar(keys, "summary", what));
        var detail = CompileTemplate(_yaml.Scalar(keys, "detail", what));
        if (keys.TryGetValue("summary", out var s) && s is TreeScalar summaryScalar && summaryScalar.Value.Length > 140)
        {
            Error(RuleDiagnosticIds.InvalidValue, summaryScalar.Location, $"A card summary must be under 140 characters (CDS Hooks); this one is {summaryScalar.Value.Length}. Move detail to 'detail'.");
        }

        var links = new List<CardLink>();
        foreach (var item in _yaml.Items(keys.GetValueOrDefault("links"), $"the links of {what}"))
        {
            var l = _yaml.Keys(item, $"a link of {what}", LinkKeys, "label", "url");
            var label = _yaml.Scalar(l, "label", what);
            var url = _yaml.Scalar(l, "url", what);
            var type = _yaml.OneOf(l, "type", what, ["absolute", "smart"]) ?? "absolute";
            if (url is not null && !Uri.TryCreate(url.Value, UriKind.Absolute, out _))
            {
                Error(RuleDiagnosticIds.InvalidValue, url.Location, $"'{url.Value}' is not an absolute URL.");
            }
            else if (label is not null && url is not null)
            {
                links.Add(new CardLink(label.Value, url.Value, type));
            }
        }

        var suggestions = new List<SuggestionTemplate>();
        foreach (var item in _yaml.Items(keys.GetValueOrDefault("suggestions"), $"the suggestions of {what}"))
        {
            var sk = _yaml.Keys(item, $"a suggestion of {what}", SuggestionKeys, "label");
            var label = _yaml.Scalar(sk, "label", what);
            var regimen = _yaml.Scalar(sk, "regimen", what);
            var order = _yaml.Scalar(sk, "order", what);
            var referral = _yaml.Scalar(sk, "referral", what);
            var recommended = _yaml.OneOf(sk, "recommended", what, ["true", "false"]) == "true";
            if ((regimen is null ? 0 : 1) + (order is null ? 0 : 1) + (referral is null ? 0 : 1) != 1)
            {
                Error(RuleDiagnosticIds.InvalidValue, item.Location, "A suggestion proposes exactly one of: regimen, order (an analyte) or referral.");
                continue;
            }

            if (regimen is not null && !_regimens.ContainsKey(regimen.Value))
            {
                Error(RuleDiagnosticIds.UnknownRegimen, regimen.Location, $"Unknown regimen '{regimen.Value}'.{Near(regimen.Value, _regimens.Keys)}");
                continue;
            }

            if (order is not null && !_terminology.Analytes.ContainsKey(order.Value))
            {
                Error(RuleDiagnosticIds.UnknownValueSet, order.Location, $"Unknown analyte '{order.Value}' to order.{Near(order.Value, _terminology.Analytes.Keys)}");
                continue;
            }

            if (label is not null)
            {
                suggestions.Add(new SuggestionTemplate(label.Value, regimen?.Value, order?.Value, referral?.Value, recommended));
            }
        }

        if (indicator is null || summary is null)
        {
            return null;
        }

        return new CardAction(indicator, summary, detail, area, links, suggestions, _yaml.Scalar(keys, "group", what)?.Value);
    }

    private Template? CompileTemplate(TreeScalar? scalar)
    {
        if (scalar is null)
        {
            return null;
        }

        try
        {
            return Template.Compile(scalar.Value, Scope(current: null));
        }
        catch (ExpressionSyntaxException ex)
        {
            Error(ex.IsParseError ? RuleDiagnosticIds.ExpressionSyntax : RuleDiagnosticIds.ExpressionType, _yaml.At(scalar, ex.Span), ex.Message);
            return null;
        }
    }

    private static string Near(string value, IEnumerable<string> candidates) =>
        ValueSetFileReader.Closest(value, candidates) is { } near ? $" Did you mean '{near}'?" : string.Empty;
}
