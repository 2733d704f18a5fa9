using System.Text.Json;
using System.Text.RegularExpressions;
using B12Cds.Facts.Terminology;
using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Expressions;
using B12Cds.Rules.Loading;
using B12Cds.Rules.Model;

namespace B12Cds.Rules.Scenarios;

/// <summary>Reads one scenario file into <see cref="Scenario"/>s, reporting every problem with its position.</summary>
internal sealed partial class ScenarioFileReader
{
    private static readonly string[] FileKeys = ["scenarios"];
    private static readonly string[] ScenarioKeys = ["name", "description", "at", "profile", "includeDrafts", "given", "expect"];
    private static readonly string[] GivenKeys = ["bundle", "resources", "patientId"];
    private static readonly string[] ExpectKeys = ["fired", "notFired", "cards", "noCards", "facts", "carePlan", "noCarePlan"];
    private static readonly string[] CardKeys = ["rule", "indicator", "summaryContains"];
    private static readonly string[] Profiles = ["us", "uk"];
    private static readonly string[] Booleans = ["true", "false"];
    private static readonly string[] Indicators = ["info", "warning", "critical"];
    private static readonly FhirJsonParser FhirParser = new();

    private readonly string _file;
    private readonly RuleSet? _ruleSet;
    private readonly List<FileDiagnostic> _diagnostics = [];
    private readonly YamlReading _yaml;
    private readonly Dictionary<string, FhirParseResult> _bundles;

    /// <summary>Initializes a new instance of the <see cref="ScenarioFileReader"/> class; <paramref name="bundles"/> caches bundle files read by earlier files (read-only results, shared).</summary>
    public ScenarioFileReader(string file, RuleSet? ruleSet, Dictionary<string, FhirParseResult>? bundles = null)
    {
        _file = file;
        _ruleSet = ruleSet;
        _yaml = new YamlReading(file, _diagnostics);
        _bundles = bundles ?? new Dictionary<string, FhirParseResult>(StringComparer.Ordinal);
    }

    public ScenarioLoadResult Read(string text)
    {
        var root = _yaml.Parse(text);
        var scenarios = new List<Scenario>();
        var rejected = 0;
        if (root is null)
        {
            if (!_diagnostics.Any(d => d.IsError))
            {
                _yaml.Error(RuleDiagnosticIds.MissingKey, new SourceLocation(_file, 1, 1), "The scenario file is empty: write 'scenarios:' and a list of scenarios.");
            }

            return Done(scenarios, 1);
        }

        var errorsBefore = ErrorCount();
        var keys = _yaml.Keys(root, "a scenario file", FileKeys, "scenarios");
        var items = _yaml.Items(keys.GetValueOrDefault("scenarios"), "the scenarios");
        if (ErrorCount() > errorsBefore)
        {
            rejected++;
        }

        var names = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var before = ErrorCount();
            var scenario = ReadScenario(item, names);
            if (scenario is null || ErrorCount() > before)
            {
                rejected++;
                continue;
            }

            scenarios.Add(scenario);
        }

        return Done(scenarios, rejected);
    }

    private ScenarioLoadResult Done(List<Scenario> scenarios, int rejected) =>
        new(scenarios, _diagnostics.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToList(), [_file], rejected);

    private int ErrorCount() => _diagnostics.Count(d => d.IsError);

    private Scenario? ReadScenario(TreeNode node, Dictionary<string, SourceLocation> names)
    {
        var keys = _yaml.Keys(node, "a scenario", ScenarioKeys, "name", "at", "given", "expect");
        var nameScalar = _yaml.Scalar(keys, "name", "a scenario");
        var name = nameScalar?.Value ?? "?";
        var what = $"scenario '{name}'";
        if (nameScalar is not null && !names.TryAdd(name, nameScalar.Location))
        {
            _yaml.Error(ScenarioDiagnosticIds.DuplicateName, nameScalar.Location, $"Another scenario in this file is named '{name}' (line {names[name].Line}); names identify scenarios in reports.");
        }

        var at = ReadAt(keys, what);
        var profile = _yaml.OneOf(keys, "profile", what, Profiles) ?? "us";
        var includeDrafts = _yaml.OneOf(keys, "includeDrafts", what, Booleans) == "true";
        var given = keys.TryGetValue("given", out var givenNode) ? ReadGiven(givenNode, what) : null;
        var expect = keys.TryGetValue("expect", out var expectNode) ? ReadExpect(expectNode, what, profile, includeDrafts) : null;
        if (nameScalar is null || at is null || given is null || expect is null)
        {
            return null;
        }

        return new Scenario
        {
            Name = name,
            Location = node.Location,
            At = at.Value.Instant,
            AtText = at.Value.Text,
            Profile = profile,
            IncludeDrafts = includeDrafts,
            Given = given,
            Expect = expect,
        };
    }

    private (DateTimeOffset Instant, string Text)? ReadAt(Dictionary<string, TreeNode> keys, string what)
    {
        if (_yaml.Scalar(keys, "at", what) is not { } scalar)
        {
            return null;
        }

        if (FhirDateTime.TryParse(scalar.Value, out var at))
        {
            return (at.Start, scalar.Value);
        }

        _yaml.Error(RuleDiagnosticIds.InvalidValue, scalar.Location, $"'at' of {what} must be a FHIR date or dateTime (2026-11-01 or 2026-11-01T09:00:00Z), not '{scalar.Value}'.");
        return null;
    }

    private ScenarioInput? ReadGiven(TreeNode node, string what)
    {
        var keys = _yaml.Keys(node, $"'given' of {what}", GivenKeys);
        var patientId = _yaml.Scalar(keys, "patientId", what)?.Value;
        var hasBundle = keys.TryGetValue("bundle", out var bundleNode);
        var hasResources = keys.TryGetValue("resources", out var resourcesNode);
        if (hasBundle && hasResources)
        {
            _yaml.Error(RuleDiagnosticIds.InvalidValue, node.Location, $"'given' of {what} has both 'bundle' and 'resources': use one.");
            return null;
        }

        if (hasBundle)
        {
            return _yaml.Scalar(keys, "bundle", what) is { } bundle ? ReadBundle(bundle, patientId) : null;
        }

        if (hasResources)
        {
            return ReadResources(resourcesNode!, what, patientId);
        }

        if (node is TreeMapping)
        {
            _yaml.Error(RuleDiagnosticIds.MissingKey, node.Location, $"'given' of {what} needs 'bundle' (a FHIR JSON file, relative to this file) or 'resources' (inline FHIR resources).");
        }

        return null;
    }

    private ScenarioInput? ReadBundle(TreeScalar bundle, string? patientId)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(_file)) ?? ".";
        var path = Path.GetFullPath(Path.Combine(folder, bundle.Value));
        if (!File.Exists(path))
        {
            _yaml.Error(ScenarioDiagnosticIds.MissingData, bundle.Location, $"The bundle file '{bundle.Value}' does not exist (looked for {path}); the path is relative to this scenario file.");
            return null;
        }

        FhirParseResult? parsed;
        try
        {
            if (!_bundles.TryGetValue(path, out parsed))
            {
                parsed = FhirParser.ParseFile(path);
                _bundles[path] = parsed;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _yaml.Error(ScenarioDiagnosticIds.MissingData, bundle.Location, $"The bundle file '{bundle.Value}' cannot be read: {ex.Message}");
            return null;
        }

        if (!parsed.IsReadable)
        {
            var issue = parsed.Issues.FirstOrDefault(i => i.IsError);
            _yaml.Error(ScenarioDiagnosticIds.InvalidData, bundle.Location, $"The bundle file '{bundle.Value}' is not readable FHIR: {issue?.ToString() ?? "nothing could be read"}");
            return null;
        }

        return new ScenarioInput { Description = $"bundle {bundle.Value}", Data = parsed, PatientId = patientId, BundlePath = path };
    }

    private ScenarioInput? ReadResources(TreeNode node, string what, string? patientId)
    {
        var items = _yaml.Items(node, $"the resources of {what}");
        if (items.Count == 0)
        {
            if (node is TreeSequence)
            {
                _yaml.Error(RuleDiagnosticIds.MissingKey, node.Location, $"'resources' of {what} is empty: write at least one FHIR resource.");
            }

            return null;
        }

        var ok = true;
        foreach (var item in items)
        {
            if (item is not TreeMapping mapping)
            {
                _yaml.Error(RuleDiagnosticIds.InvalidValue, item.Location, $"Each inline resource of {what} is a mapping (resourceType: Observation, …), not {item.Shape}.");
                ok = false;
            }
            else if (!mapping.Entries.Any(e => e.Key.Value == "resourceType"))
            {
                _yaml.Error(RuleDiagnosticIds.MissingKey, item.Location, $"An inline resource of {what} needs 'resourceType' (Patient, Observation, Condition…).");
                ok = false;
            }
        }

        if (!ok)
        {
            return null;
        }

        var json = ToBundleJson(items);
        var parsed = FhirParser.Parse(json);
        if (!parsed.IsReadable)
        {
            var issue = parsed.Issues.FirstOrDefault(i => i.IsError);
            _yaml.Error(ScenarioDiagnosticIds.InvalidData, node.Location, $"The inline resources of {what} are not readable FHIR: {issue?.Message ?? "nothing could be read"}");
            return null;
        }

        foreach (var issue in parsed.Issues.Where(i => i.IsError))
        {
            // Bundle.entry[i].resource… points at the i-th inline resource.
            var at = issue.Expression is { } expression && EntryIndex().Match(expression) is { Success: true } m
                && int.TryParse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < items.Count
                ? items[index].Location
                : node.Location;
            var element = issue.Expression is null ? string.Empty : $" ({EntryIndex().Replace(issue.Expression, "resource")})";
            _yaml.Warning(ScenarioDiagnosticIds.InvalidData, at, $"Part of this inline resource is skipped{element}: {issue.Message}");
        }

        var count = items.Count;
        return new ScenarioInput { Description = $"{count} inline resource{(count == 1 ? string.Empty : "s")}", Data = parsed, PatientId = patientId };
    }

    private static string ToBundleJson(IReadOnlyList<TreeNode> items)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("resourceType", "Bundle");
            writer.WriteString("type", "collection");
            writer.WriteStartArray("entry");
            foreach (var item in items)
            {
                writer.WriteStartObject();
                writer.WritePropertyName("resource");
                YamlJson.Write(writer, item, key: null);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private ScenarioExpectation? ReadExpect(TreeNode node, string what, string profile, bool includeDrafts)
    {
        if (node is TreeMapping { Entries.Count: 0 } or TreeScalar { IsNull: true })
        {
            _yaml.Error(RuleDiagnosticIds.MissingKey, node.Location, $"'expect' of {what} is empty: say what must happen (fired, notFired, cards, noCards, facts, carePlan, noCarePlan).");
            return null;
        }

        var keys = _yaml.Keys(node, $"'expect' of {what}", ExpectKeys);

        var fired = RuleIds(keys.GetValueOrDefault("fired"), $"'fired' of {what}");
        var notFired = RuleIds(keys.GetValueOrDefault("notFired"), $"'notFired' of {what}");
        var cards = Cards(keys.GetValueOrDefault("cards"), what);
        var noCards = _yaml.OneOf(keys, "noCards", what, Booleans) == "true";
        var facts = Facts(keys.GetValueOrDefault("facts"), what);
        var carePlan = Regimens(keys.GetValueOrDefault("carePlan"), what);
        var noCarePlan = _yaml.OneOf(keys, "noCarePlan", what, Booleans) == "true";

        foreach (var id in fired.Where(f => notFired.Any(n => n.Value == f.Value)))
        {
            _yaml.Error(ScenarioDiagnosticIds.Contradiction, id.Location, $"{id.Value} is in both 'fired' and 'notFired'.");
        }

        foreach (var (card, location) in cards.Where(c => notFired.Any(n => n.Value == c.Card.Rule)))
        {
            _yaml.Error(ScenarioDiagnosticIds.Contradiction, location, $"A card from {card.Rule} is expected, but {card.Rule} is in 'notFired'.");
        }

        if (noCards && cards.Count > 0)
        {
            _yaml.Error(ScenarioDiagnosticIds.Contradiction, keys["noCards"].Location, "'noCards: true' contradicts the cards listed under 'cards'.");
        }

        if (noCarePlan && carePlan.Count > 0)
        {
            _yaml.Error(ScenarioDiagnosticIds.Contradiction, keys["noCarePlan"].Location, "'noCarePlan: true' contradicts the regimens listed under 'carePlan'.");
        }

        foreach (var id in fired.Concat(cards.Select(c => new TreeScalar(c.Location, c.Card.Rule, isPlain: true))))
        {
            CheckCanFire(id, profile, includeDrafts);
        }

        return new ScenarioExpectation
        {
            Fired = fired.Select(f => f.Value).Distinct(StringComparer.Ordinal).ToList(),
            NotFired = notFired.Select(f => f.Value).Distinct(StringComparer.Ordinal).ToList(),
            Cards = cards.Select(c => c.Card).ToList(),
            NoCards = noCards,
            Facts = facts,
            CarePlan = carePlan.Select(r => r.Value).Distinct(StringComparer.Ordinal).ToList(),
            NoCarePlan = noCarePlan,
        };
    }

    private List<TreeScalar> RuleIds(TreeNode? node, string what)
    {
        var ids = _yaml.Scalars(node, what);
        foreach (var id in ids)
        {
            CheckRule(id);
        }

        return ids;
    }

    private void CheckRule(TreeScalar id)
    {
        if (_ruleSet is null || _ruleSet.ById.ContainsKey(id.Value))
        {
            return;
        }

        var hint = ValueSetFileReader.Closest(id.Value, _ruleSet.ById.Keys) is { } near ? $" Did you mean '{near}'?" : string.Empty;
        var known = _ruleSet.Rules.Count <= 12 ? $" (rules: {string.Join(", ", _ruleSet.Rules.Select(r => r.Id))})" : string.Empty;
        _yaml.Error(ScenarioDiagnosticIds.UnknownRule, id.Location, $"There is no rule '{id.Value}' in the rule set{known}.{hint}");
    }

    private void CheckCanFire(TreeScalar id, string profile, bool includeDrafts)
    {
        if (_ruleSet is null || !_ruleSet.ById.TryGetValue(id.Value, out var rule))
        {
            return;
        }

        var why = rule.Status switch
        {
            RuleStatus.Retired => $"{rule.Id} is retired, so it never runs",
            RuleStatus.Draft when !includeDrafts => $"{rule.Id} is a draft: add 'includeDrafts: true' to the scenario, or it cannot fire",
            _ when !rule.AppliesTo(profile) => $"{rule.Id} runs only in profile {string.Join(", ", rule.Profiles)}, and this scenario runs in profile {profile}",
            _ => null,
        };
        if (why is not null)
        {
            _yaml.Warning(ScenarioDiagnosticIds.CannotFire, id.Location, $"{why}; the scenario will fail.");
        }
    }

    private List<(ExpectedCard Card, SourceLocation Location)> Cards(TreeNode? node, string what)
    {
        var cards = new List<(ExpectedCard, SourceLocation)>();
        foreach (var item in _yaml.Items(node, $"'cards' of {what}"))
        {
            var keys = _yaml.Keys(item, $"an expected card of {what}", CardKeys, "rule");
            if (_yaml.Scalar(keys, "rule", what) is not { } rule)
            {
                continue;
            }

            CheckRule(rule);
            var indicator = _yaml.OneOf(keys, "indicator", "an expected card", Indicators);
            var summary = _yaml.Scalar(keys, "summaryContains", what)?.Value;
            cards.Add((new ExpectedCard(rule.Value, indicator, summary), rule.Location));
        }

        return cards;
    }

    private List<TreeScalar> Regimens(TreeNode? node, string what)
    {
        var ids = _yaml.Scalars(node, $"'carePlan' of {what}");
        if (_ruleSet is null)
        {
            return ids;
        }

        foreach (var id in ids.Where(i => !_ruleSet.Regimens.ContainsKey(i.Value)))
        {
            var hint = ValueSetFileReader.Closest(id.Value, _ruleSet.Regimens.Keys) is { } near ? $" Did you mean '{near}'?" : string.Empty;
            _yaml.Error(ScenarioDiagnosticIds.UnknownRegimen, id.Location, $"There is no regimen '{id.Value}' in rules/regimens.yaml.{hint}");
        }

        return ids;
    }

    private List<ExpectedFact> Facts(TreeNode? node, string what)
    {
        var facts = new List<ExpectedFact>();
        foreach (var item in _yaml.Items(node, $"'facts' of {what}"))
        {
            if (ReadFact(item, what) is { } fact)
            {
                facts.Add(fact);
            }
        }

        return facts;
    }

    private ExpectedFact? ReadFact(TreeNode node, string what)
    {
        if (node is not TreeMapping mapping)
        {
            _yaml.Error(RuleDiagnosticIds.InvalidValue, node.Location, $"Each expected fact of {what} is a mapping: type, then where and/or field: value pairs.");
            return null;
        }

        var typeEntry = mapping.Entries.FirstOrDefault(e => e.Key.Value == "type");
        if (typeEntry.Value is not TreeScalar { IsNull: false } typeScalar)
        {
            _yaml.Error(RuleDiagnosticIds.MissingKey, mapping.Location, $"An expected fact of {what} needs 'type' (a derived fact type, e.g. b12-status).");
            return null;
        }

        Schema.FactTypeSchema? type = null;
        if (_ruleSet is not null)
        {
            if (!_ruleSet.Schema.TryGet(typeScalar.Value, out type) || !type.IsDerived)
            {
                var derived = _ruleSet.Schema.Types.Where(t => t.IsDerived).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
                var hint = ValueSetFileReader.Closest(typeScalar.Value, derived) is { } near ? $" Did you mean '{near}'?" : string.Empty;
                var reason = type is null ? "is not a fact type of the rule set" : "comes from FHIR, not from the rules";
                _yaml.Error(ScenarioDiagnosticIds.UnknownFact, typeScalar.Location, $"'{typeScalar.Value}' {reason}: 'facts' checks the facts rules derive ({(derived.Count == 0 ? "none are declared" : string.Join(", ", derived))}).{hint}");
                return null;
            }
        }

        string? whereText = null;
        Evaluator? where = null;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in mapping.Entries.Where(e => e.Key.Value != "type"))
        {
            if (value is not TreeScalar scalar)
            {
                _yaml.Error(RuleDiagnosticIds.InvalidValue, value.Location, $"'{key.Value}' of an expected fact must be a single value, not {value.Shape}.");
                continue;
            }

            if (key.Value == "where")
            {
                whereText = scalar.Value;
                where = type is null ? null : CompileWhere(scalar, type);
                continue;
            }

            if (type is not null && !type.TryGetField(key.Value, out _))
            {
                var names = type.Fields.Select(f => f.Name).Append("where").ToList();
                var hint = ValueSetFileReader.Closest(key.Value, names) is { } near ? $" Did you mean '{near}'?" : string.Empty;
                _yaml.Error(ScenarioDiagnosticIds.UnknownFact, key.Location, $"{type.Name} has no field '{key.Value}' (fields: {string.Join(", ", type.Fields.Select(f => f.Name).Order(StringComparer.Ordinal))}; or 'where').{hint}");
                continue;
            }

            fields.Add(new(key.Value, scalar.Value));
        }

        return new ExpectedFact { Type = typeScalar.Value, WhereText = whereText, Fields = fields, Where = where };
    }

    private Evaluator? CompileWhere(TreeScalar scalar, Schema.FactTypeSchema type)
    {
        var ruleSet = _ruleSet!;
        var scope = new CompileScope(
            ruleSet.Schema,
            ruleSet.Terminology,
            new Dictionary<string, BindingInfo>(StringComparer.Ordinal),
            new BindingInfo(type.Name, 0, type),
            ruleSet.Parameters.ToDictionary(p => p.Key, p => p.Value.Value, StringComparer.Ordinal));
        try
        {
            return ExpressionCompiler.CompileCondition(Parser.Parse(scalar.Value), scope).Evaluate;
        }
        catch (ExpressionSyntaxException ex)
        {
            _yaml.Error(ScenarioDiagnosticIds.Expression, _yaml.At(scalar, ex.Span), ex.Message);
            return null;
        }
    }

    [GeneratedRegex(@"^Bundle\.entry\[(\d+)\]\.resource", RegexOptions.CultureInvariant)]
    private static partial Regex EntryIndex();
}
