using System.Text.RegularExpressions;
using B12Cds.Facts.Terminology;

namespace B12Cds.Rules.Loading;

/// <summary>
/// Reads the top level of a rule file: <c>version</c>, <c>derived</c> (the fact types its rules derive, with their
/// fields) and <c>rules</c> (compiled later, once every file's derived types are known).
/// </summary>
internal static partial class RuleFileReader
{
    private static readonly string[] FileKeys = ["version", "title", "description", "derived", "rules"];
    private static readonly string[] DerivedKeys = ["description", "fields"];

    public static (string? Version, List<DerivedTypeDeclaration> Derived, IReadOnlyList<TreeNode> Rules) Read(YamlReading yaml, TreeNode root)
    {
        var keys = yaml.Keys(root, "a rule file", FileKeys, "version", "rules");
        var version = yaml.Scalar(keys, "version", "a rule file");
        if (version is not null && !VersionPattern().IsMatch(version.Value))
        {
            yaml.Error(RuleDiagnosticIds.InvalidValue, version.Location, $"'{version.Value}' is not a version: write YYYY.MM.N (e.g. 2026.11.0).");
        }

        var derived = new List<DerivedTypeDeclaration>();
        if (keys.TryGetValue("derived", out var derivedNode))
        {
            if (derivedNode is TreeMapping mapping)
            {
                foreach (var (name, body) in mapping.Entries)
                {
                    if (!NamePattern().IsMatch(name.Value))
                    {
                        yaml.Error(RuleDiagnosticIds.InvalidValue, name.Location, $"'{name.Value}' is not a valid fact type name: use lower-case words joined by '-' (e.g. b12-status).");
                        continue;
                    }

                    var d = yaml.Keys(body, $"derived fact type {name.Value}", DerivedKeys, "fields");
                    var fields = new List<(string, TreeScalar)>();
                    if (d.TryGetValue("fields", out var fieldsNode) && fieldsNode is TreeMapping fieldMap)
                    {
                        foreach (var (field, type) in fieldMap.Entries)
                        {
                            if (type is TreeScalar { IsNull: false } scalar)
                            {
                                fields.Add((field.Value, scalar));
                            }
                            else
                            {
                                yaml.Error(RuleDiagnosticIds.InvalidValue, type.Location, $"The type of field '{field.Value}' must be one of text, number, boolean, date, duration, quantity <unit>, or a fact type.");
                            }
                        }
                    }
                    else if (fieldsNode is not null)
                    {
                        yaml.Error(RuleDiagnosticIds.InvalidValue, fieldsNode.Location, "'fields' must be a mapping of field: type.");
                    }

                    derived.Add(new DerivedTypeDeclaration(name.Value, yaml.Scalar(d, "description", name.Value)?.Value, fields, name.Location));
                }
            }
            else
            {
                yaml.Error(RuleDiagnosticIds.InvalidValue, derivedNode.Location, "'derived' must be a mapping of fact type name: { fields }.");
            }
        }

        return (version?.Value, derived, yaml.Items(keys.GetValueOrDefault("rules"), "rules"));
    }

    [GeneratedRegex(@"^\d{4}\.\d{1,2}\.\d+$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    internal static partial Regex NamePattern();
}
