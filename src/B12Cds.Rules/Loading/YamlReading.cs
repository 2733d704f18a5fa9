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
            Diagnostics.Add(d with { Id = id, Message = d.Message.Replace("value set file", "file", StringComparison.Ordinal).Replace("in value set files", "in these files", StringComparison.Ordinal) });
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

    /// <summary>
    /// Maps a span inside a scalar's value to its position in the file, from the raw text: plain values directly,
    /// quoted values through their escapes, block (<c>|</c>) and folded (<c>&gt;</c>) values line by line at the
    /// block's indentation.
    /// </summary>
    public SourceLocation At(TreeScalar scalar, TextSpan span)
    {
        var offset = Math.Clamp(span.Start, 0, scalar.Value.Length);
        var (line, column) = (scalar.Location.Line, scalar.Location.Column);
        var raw = line - 1 < Lines.Length ? Lines[line - 1].TrimEnd('\r') : string.Empty;
        var first = column - 1 < raw.Length ? raw[column - 1] : ' ';
        return first switch
        {
            '|' or '>' => InBlock(scalar.Location, line + 1, offset),
            '"' or '\'' when !scalar.Value.Contains('\n') => InQuoted(scalar.Location, raw, column, offset, first),
            _ when scalar.IsPlain && !scalar.Value.Contains('\n') => scalar.Location with { Column = column + offset },
            _ => InBlock(scalar.Location, line, offset),
        };
    }

    private static SourceLocation InQuoted(SourceLocation at, string raw, int column, int offset, char quote)
    {
        var j = column; // 0-based index of the first character after the opening quote
        for (var count = 0; count < offset && j < raw.Length; count++)
        {
            j += quote == '"' && raw[j] == '\\' && j + 1 < raw.Length
                ? raw[j + 1] switch { 'x' => 4, 'u' => 6, 'U' => 10, _ => 2 }
                : quote == '\'' && raw[j] == '\'' && j + 1 < raw.Length && raw[j + 1] == '\'' ? 2 : 1;
        }

        return at with { Column = j + 1 };
    }

    private SourceLocation InBlock(SourceLocation at, int firstLine, int offset)
    {
        var indent = -1;
        var position = 0;
        for (var l = firstLine; l - 1 < Lines.Length; l++)
        {
            var text = Lines[l - 1].TrimEnd('\r');
            var lineIndent = text.Length - text.TrimStart(' ').Length;
            if (text.Trim().Length == 0)
            {
                position++;
                continue;
            }

            if (indent < 0)
            {
                indent = l == at.Line ? at.Column - 1 : lineIndent;
            }
            else if (lineIndent < indent)
            {
                break;
            }

            var content = text.Length - indent;
            if (offset <= position + content)
            {
                return at with { Line = l, Column = indent + 1 + (offset - position) };
            }

            position += content + 1;
        }

        return at;
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
