using B12Cds.Facts.Terminology;
using B12Cds.Rules.Model;

namespace B12Cds.Rules.Loading;

/// <summary>
/// Reads <c>rules/parameters.yaml</c>: the DESIGN values the guidelines leave open, each with its status and source.
/// <code>
/// version: 2026.11.0
/// parameters:
///   lookback_dx: { value: 180 days, status: design, source: "KNOWLEDGE §6 LOOKBACK_DX" }
/// </code>
/// </summary>
internal static class ParameterFileReader
{
    private static readonly string[] FileKeys = ["version", "parameters"];
    private static readonly string[] ParameterKeys = ["value", "status", "source", "description"];
    private static readonly string[] Statuses = ["design", "confirmed", "unconfirmed"];

    public static (string? Version, Dictionary<string, Parameter> Parameters) Read(YamlReading yaml, TreeNode root)
    {
        var parameters = new Dictionary<string, Parameter>(StringComparer.Ordinal);
        var keys = yaml.Keys(root, "the parameters file", FileKeys, "parameters");
        var version = yaml.Scalar(keys, "version", "the parameters file")?.Value;
        if (!keys.TryGetValue("parameters", out var node))
        {
            return (version, parameters);
        }

        if (node is not TreeMapping mapping)
        {
            yaml.Error(RuleDiagnosticIds.InvalidValue, node.Location, "'parameters' must be a mapping of name: { value, status, source }.");
            return (version, parameters);
        }

        foreach (var (name, body) in mapping.Entries)
        {
            if (!IsName(name.Value))
            {
                yaml.Error(RuleDiagnosticIds.InvalidValue, name.Location, $"'{name.Value}' is not a valid parameter name: use letters, digits and '_' (rules write it as $name).");
                continue;
            }

            TreeScalar? valueScalar;
            string status = "design";
            string? source = null;
            if (body is TreeScalar plain)
            {
                valueScalar = plain;
            }
            else
            {
                var what = $"parameter {name.Value}";
                var p = yaml.Keys(body, what, ParameterKeys, "value");
                valueScalar = yaml.Scalar(p, "value", what);
                status = yaml.OneOf(p, "status", what, Statuses) ?? status;
                source = yaml.Scalar(p, "source", what)?.Value;
            }

            if (valueScalar is null)
            {
                continue;
            }

            parameters[name.Value] = new Parameter(name.Value, LiteralValues.Read(valueScalar), status, source, name.Location);
        }

        return (version, parameters);
    }

    private static bool IsName(string s) => s.Length > 0 && char.IsLetter(s[0]) && s.All(c => char.IsLetterOrDigit(c) || c == '_');
}
