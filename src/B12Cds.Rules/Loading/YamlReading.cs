using B12Cds.Facts.Terminology;
using B12Cds.Fhir.Diagnostics;
using B12Cds.Rules.Expressions;

namespace B12Cds.Rules.Loading;

/// <summary>Typed access to a YAML tree for one file, reporting every problem with its position.</summary>
internal sealed class YamlReading
{
    public YamlReading(string file, List<FileDiagnostic> diagnostics)
    {
        File = file;
        Diagnostics = diagnostics;
    }

    public string File { get; }

    public List<FileDiagnostic> Diagnostics { get; }

    private string[] Lines { get; set; } = [];

    /// <summary>Parses the file; YAML syntax errors and duplicate keys are reported under rule ids.</summary>
    public TreeNode? Parse(string yaml)
    {
        Lines = yaml.Split('\n');
        var found = new List<FileDiagnostic>();
        var root = YamlTreeReader.Read(File, yaml, found);
        foreach (var d in found)
        {
            var id = d.Id == TerminologyDiagnosticIds.DuplicateKey ? RuleDiagnosticIds.DuplicateKey : RuleDiagnosticIds.YamlSyntax;
            Diagnostics.Add(d with { Id = id, Message = d.Message.Replace("value set file", "rule file", StringComparison.Ordinal) });
        }

        return root;
    }

    public void Error(string id, SourceLocation at, string message) => Diagnostics.Add(new FileDiagnostic(id, IssueSeverity.Error, at, message));

    public void Warning(string id, SourceLocation at, string message) => Diagnostics.Add(new FileDiagnostic(id, IssueSeverity.Warning, at, message));

    /// <summary>Reads a mapping's keys, reporting keys that are not allowed (with the nearest allowed one) and missing required keys.</summary>
    public Dictionary<string, TreeNode> Keys(TreeNode? node, string what, IReadOnlyCollection<string> allowed, params string[] required)
    {
        var result = new Dictionary<string, TreeNode>(StringComparer.Ordinal);
        if (node is not TreeMapping mapping)
        {
            if (node is not null)
            {
                Error(RuleDiagnosticIds.InvalidValue, node.Location, $"{what} must be a mapping (key: value), not {node.Shape}.");
            }

            return result;
        }

        foreach (var (key, value) in mapping.Entries)
        {
            if (!allowed.Contains(key.Value))
            {
                var hint = ValueSetFileReader.Closest(key.Value, allowed) is { } near ? $" Did you mean '{near}'?" : $" Allowed: {string.Join(", ", allowed)}.";
                Error(RuleDiagnosticIds.UnknownKey, key.Location, $"'{key.Value}' is not a key of {what}.{hint}");
                continue;
            }

            result[key.Value] = value;
        }

        foreach (var key in required)
        {
            if (!result.ContainsKey(key))
            {
                Error(RuleDiagnosticIds.MissingKey, mapping.Location, $"{Capitalize(what)} needs '{key}'.");
            }
        }

        return result;
    }

    /// <summary>Reads a single value; reports a list or mapping where a value belongs.</summary>
    public TreeScalar? Scalar(Dictionary<string, TreeNode> keys, string key, string what)
    {
        if (!keys.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is TreeScalar { IsNull: false } scalar)
        {
            return scalar;
        }

        Error(RuleDiagnosticIds.InvalidValue, node.Location, $"'{key}' of {what} must be a single value, not {(node is TreeScalar ? "empty" : node.Shape)}.");
        return null;
    }

    /// <summary>Reads a value that must be one of <paramref name="allowed"/>.</summary>
    public string? OneOf(Dictionary<string, TreeNode> keys, string key, string what, IReadOnlyCollection<string> allowed)
    {
        var scalar = Scalar(keys, key, what);
        if (scalar is null)
        {
            return null;
        }

        if (allowed.Contains(scalar.Value))
        {
            return scalar.Value;
        }

        var hint = ValueSetFileReader.Closest(scalar.Value, allowed) is { } near ? $" Did you mean '{near}'?" : string.Empty;
        Error(RuleDiagnosticIds.InvalidValue, scalar.Location, $"'{scalar.Value}' is not a valid {key} of {what}: use one of {string.Join(", ", allowed)}.{hint}");
        return null;
    }

    /// <summary>Reads a list of single values; a single value is read as a list of one.</summary>
    public List<TreeScalar> Scalars(TreeNode? node, string what)
    {
        switch (node)
        {
            case null:
                return [];
            case TreeScalar { IsNull: true }:
                return [];
            case TreeScalar s:
                return [s];
            case TreeSequence seq:
                var list = new List<TreeScalar>();
                foreach (var item in seq.Items)
                {
                    if (item is TreeScalar { IsNull: false } s)
                    {
                        list.Add(s);
                    }
                    else
                    {
                        Error(RuleDiagnosticIds.InvalidValue, item.Location, $"Each item of {what} must be a single value.");
                    }
                }

                return list;
            default:
                Error(RuleDiagnosticIds.InvalidValue, node.Location, $"{Capitalize(what)} must be a value or a list of values.");
                return [];
        }
    }

    /// <summary>Reads a list of mappings (or other nodes).</summary>
    public IReadOnlyList<TreeNode> Items(TreeNode? node, string what)
    {
        switch (node)
        {
            case null or TreeScalar { IsNull: true }:
                return [];
            case TreeSequence seq:
                return seq.Items;
            default:
                Error(RuleDiagnosticIds.InvalidValue, node.Location, $"{Capitalize(what)} must be a list ('- ' items).");
                return [];
        }
    }

    /// <summary>Maps a span inside a scalar's text to a file position (exact for one-line values; the line is exact for block text).</summary>
    public SourceLocation At(TreeScalar scalar, TextSpan span)
    {
        var text = scalar.Value;
        var offset = Math.Clamp(span.Start, 0, text.Length);
        var newlines = 0;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                newlines++;
                lineStart = i + 1;
            }
        }

        if (!text.Contains('\n'))
        {
            // A plain scalar starts at its first character; a quoted one at its quote.
            var quote = scalar.IsPlain ? 0 : 1;
            return scalar.Location with { Column = scalar.Location.Column + quote + offset };
        }

        // Block text (| or >) starts on the line after the indicator; its column is the line's indentation plus the offset.
        var line = scalar.Location.Line + 1 + newlines;
        var indent = line - 1 < Lines.Length ? Lines[line - 1].Length - Lines[line - 1].TrimStart(' ').Length : 0;
        return scalar.Location with { Line = line, Column = indent + 1 + (offset - lineStart) };
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
