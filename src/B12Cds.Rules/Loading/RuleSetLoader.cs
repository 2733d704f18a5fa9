using System.Security.Cryptography;
using System.Text;
using B12Cds.Facts.Terminology;
using B12Cds.Fhir.Diagnostics;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Model;
using B12Cds.Rules.Schema;

namespace B12Cds.Rules.Loading;

/// <summary>
/// Loads a rules folder: value sets (<c>valuesets/</c>), <c>parameters.yaml</c>, <c>regimens.yaml</c> and every rule
/// file, validates everything, and compiles it into a <see cref="RuleSet"/>. Every problem is reported with file,
/// line and column; a rule set with any error is not built. Files are told apart by their top-level key
/// (<c>rules:</c>, <c>parameters:</c>, <c>regimens:</c>); scenario files (<c>*.scenarios.yaml</c>) are not rules.
/// </summary>
public static class RuleSetLoader
{
    /// <summary>The folder under the rules folder that holds the value sets.</summary>
    public const string ValueSetFolder = "valuesets";

    /// <summary>Loads every file of a rules folder.</summary>
    public static RuleSetLoadResult LoadDirectory(string rulesDirectory)
    {
        ArgumentNullException.ThrowIfNull(rulesDirectory);
        if (!Directory.Exists(rulesDirectory))
        {
            return new RuleSetLoadResult(null, [Problem(rulesDirectory, RuleDiagnosticIds.Structure, $"The rules folder '{rulesDirectory}' does not exist.")]);
        }

        var terminology = TerminologyLoader.LoadDirectory(Path.Combine(rulesDirectory, ValueSetFolder));
        if (terminology.Catalog is null)
        {
            return new RuleSetLoadResult(null, terminology.Diagnostics);
        }

        var files = new List<(string, string)>();
        var diagnostics = new List<FileDiagnostic>(terminology.Diagnostics);
        foreach (var path in RuleFiles(rulesDirectory))
        {
            try
            {
                files.Add((path, File.ReadAllText(path)));
            }
            catch (IOException ex)
            {
                diagnostics.Add(Problem(path, RuleDiagnosticIds.YamlSyntax, $"The file cannot be read: {ex.Message}"));
            }
        }

        var valueSetDigest = Digest(Directory.EnumerateFiles(Path.Combine(rulesDirectory, ValueSetFolder)).Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllText(f))));
        var result = Load(terminology.Catalog, files, valueSetDigest);
        return result with { Diagnostics = [.. diagnostics, .. result.Diagnostics] };
    }

    /// <summary>The rule, parameter and regimen files of a rules folder, in name order (value sets and scenarios excluded).</summary>
    public static IReadOnlyList<string> RuleFiles(string rulesDirectory) =>
        Directory.EnumerateFiles(rulesDirectory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Where(f => !f.EndsWith(".scenarios.yaml", StringComparison.Ordinal) && !f.EndsWith(".scenarios.yml", StringComparison.Ordinal))
            .Where(f =>
            {
                var relative = Path.GetRelativePath(rulesDirectory, f).Replace('\\', '/');
                return !relative.StartsWith(ValueSetFolder + "/", StringComparison.Ordinal) && !relative.Contains("scenarios/", StringComparison.Ordinal);
            })
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Loads rules from text (tests, and tools that hold files in memory) against a value-set catalogue.</summary>
    public static RuleSetLoadResult Load(TerminologyCatalog terminology, IEnumerable<(string File, string Yaml)> files, string? extraDigest = null)
    {
        ArgumentNullException.ThrowIfNull(terminology);
        ArgumentNullException.ThrowIfNull(files);
        var fileList = files.OrderBy(f => f.File, StringComparer.Ordinal).ToList();
        var diagnostics = new List<FileDiagnostic>();
        var parsed = new List<(YamlReading Yaml, TreeNode Root)>();
        foreach (var (file, text) in fileList)
        {
            var yaml = new YamlReading(file, diagnostics);
            if (yaml.Parse(text) is { } root)
            {
                parsed.Add((yaml, root));
            }
        }

        var versions = new List<string>();
        var parameters = new Dictionary<string, Parameter>(StringComparer.Ordinal);
        var regimens = new Dictionary<string, Regimen>(StringComparer.Ordinal);
        var ruleFiles = new List<(YamlReading Yaml, IReadOnlyList<TreeNode> Rules)>();
        var declarations = new List<(YamlReading Yaml, DerivedTypeDeclaration Declaration)>();

        foreach (var (yaml, root) in parsed)
        {
            switch (Kind(root))
            {
                case "parameters":
                    var (pv, ps) = ParameterFileReader.Read(yaml, root);
                    AddVersion(versions, pv);
                    foreach (var p in ps.Values)
                    {
                        if (!parameters.TryAdd(p.Name, p))
                        {
                            yaml.Error(RuleDiagnosticIds.DuplicateId, p.Location, $"Parameter '{p.Name}' is defined twice (first at {parameters[p.Name].Location}).");
                        }
                    }

                    break;
                case "regimens":
                    var (rv, rs) = RegimenFileReader.Read(yaml, root, terminology);
                    AddVersion(versions, rv);
                    foreach (var r in rs)
                    {
                        if (!regimens.TryAdd(r.Id, r))
                        {
                            yaml.Error(RuleDiagnosticIds.DuplicateId, r.Location, $"Regimen '{r.Id}' is defined twice (first at {regimens[r.Id].Location}).");
                        }
                    }

                    break;
                case "rules":
                    var (fileVersion, derived, rules) = RuleFileReader.Read(yaml, root);
                    AddVersion(versions, fileVersion);
                    declarations.AddRange(derived.Select(d => (yaml, d)));
                    ruleFiles.Add((yaml, rules));
                    break;
                default:
                    yaml.Error(RuleDiagnosticIds.Structure, root.Location, "This is not a rule file (rules:), a parameters file (parameters:) or a regimens file (regimens:).");
                    break;
            }
        }

        var schema = new FactSchema(terminology);
        DeclareDerivedTypes(schema, declarations);

        var parameterValues = parameters.ToDictionary(p => p.Key, p => p.Value.Value, StringComparer.Ordinal);
        var compiled = new List<Rule>();
        var order = 0;
        var firstLocation = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (yaml, rules) in ruleFiles)
        {
            foreach (var node in rules)
            {
                var rule = RuleCompiler.Compile(yaml, node, order++, schema, terminology, parameterValues, regimens);
                if (rule is null)
                {
                    continue;
                }

                if (!firstLocation.TryAdd(rule.Id, rule.Location))
                {
                    yaml.Error(RuleDiagnosticIds.DuplicateId, rule.Location, $"Rule id {rule.Id} is used twice (first at {firstLocation[rule.Id]}).");
                    continue;
                }

                compiled.Add(rule);
            }
        }

        if (ruleFiles.Count == 0)
        {
            diagnostics.Add(Problem("rules", RuleDiagnosticIds.Structure, "No rule file (a YAML file with 'rules:') was found."));
        }

        RuleSetChecks.Run(compiled, schema, diagnostics);
        var ordered = diagnostics.OrderBy(d => d.Location.File, StringComparer.Ordinal).ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToList();
        if (ordered.Any(d => d.IsError))
        {
            return new RuleSetLoadResult(null, ordered);
        }

        // The digest covers every rule and value-set file, so any edit gives a new version (12 hex digits: no practical collisions).
        var version = $"{versions.Order(VersionOrder.Instance).LastOrDefault() ?? "0.0.0"}+{Digest(fileList)[..6]}{(extraDigest ?? string.Empty)[..Math.Min(6, extraDigest?.Length ?? 0)]}";
        return new RuleSetLoadResult(new RuleSet(version, compiled, terminology, schema, parameters, regimens), ordered);
    }

    private static string? Kind(TreeNode root) =>
        root is TreeMapping m
            ? m.Entries.Select(e => e.Key.Value).FirstOrDefault(k => k is "rules" or "parameters" or "regimens")
            : null;

    private static void DeclareDerivedTypes(FactSchema schema, List<(YamlReading Yaml, DerivedTypeDeclaration Declaration)> declarations)
    {
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (yaml, d) in declarations)
        {
            if (schema.TryGet(d.Name, out var existing) && !existing.IsDerived)
            {
                yaml.Error(RuleDiagnosticIds.DuplicateId, d.Location, $"'{d.Name}' is a built-in fact type; choose another name for a derived type.");
            }
            else if (!seen.TryAdd(d.Name, d.Location))
            {
                yaml.Error(RuleDiagnosticIds.DuplicateId, d.Location, $"Derived fact type '{d.Name}' is declared twice (first at {seen[d.Name]}).");
            }
        }

        // Register names first, so a derived field may hold another derived fact.
        var names = declarations.Select(x => x.Declaration.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (yaml, d) in declarations.DistinctBy(x => x.Declaration.Name))
        {
            var fields = new Dictionary<string, ExprType>(StringComparer.Ordinal);
            foreach (var (field, typeScalar) in d.Fields)
            {
                if (ResolveType(typeScalar.Value, schema, names) is { } type)
                {
                    fields[field] = type;
                }
                else
                {
                    yaml.Error(RuleDiagnosticIds.InvalidValue, typeScalar.Location, $"'{typeScalar.Value}' is not a field type: use text, number, boolean, date, duration, quantity <unit> or a fact type name.");
                }
            }

            schema.AddDerived(d.Name, fields, d.Description);
        }
    }

    private static ExprType? ResolveType(string text, FactSchema schema, HashSet<string> derivedNames)
    {
        var parts = text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts switch
        {
            ["text"] => ExprType.Text,
            ["number"] => ExprType.Number,
            ["boolean"] => ExprType.Boolean,
            ["date"] => ExprType.Date,
            ["duration"] => ExprType.Duration,
            ["quantity"] => ExprType.Quantity(null),
            ["quantity", var unit] when Facts.Units.UnitConversion.TryNormalize(unit, out var ucum) => ExprType.Quantity(ucum),
            [var name] when schema.TryGet(name, out _) || derivedNames.Contains(name) => ExprType.OfFact(name),
            _ => null,
        };
    }

    private static void AddVersion(List<string> versions, string? version)
    {
        if (version is not null)
        {
            versions.Add(version);
        }
    }

    private static string Digest(IEnumerable<(string File, string Text)> files)
    {
        var sb = new StringBuilder();
        foreach (var (file, text) in files)
        {
            sb.Append(Path.GetFileName(file)).Append('\n').Append(text.Replace("\r\n", "\n", StringComparison.Ordinal)).Append('\0');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    private static FileDiagnostic Problem(string file, string id, string message) =>
        new(id, IssueSeverity.Error, new SourceLocation(file, 1, 1), message);

    /// <summary>Orders YYYY.MM.N versions numerically.</summary>
    private sealed class VersionOrder : IComparer<string>
    {
        public static readonly VersionOrder Instance = new();

        public int Compare(string? x, string? y) =>
            System.Version.TryParse(x, out var a) && System.Version.TryParse(y, out var b) ? a.CompareTo(b) : string.CompareOrdinal(x, y);
    }
}
