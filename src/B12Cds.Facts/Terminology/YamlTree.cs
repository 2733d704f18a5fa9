using B12Cds.Fhir.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace B12Cds.Facts.Terminology;

/// <summary>A node of a parsed value set file, with where it starts.</summary>
internal abstract class TreeNode(SourceLocation location)
{
    public SourceLocation Location { get; } = location;

    /// <summary>Gets a word for the node's shape, for messages.</summary>
    public abstract string Shape { get; }
}

/// <summary>A scalar, kept as the text written: no YAML 1.1 type guessing (<c>NO</c> stays "NO", <c>0123</c> stays "0123").</summary>
internal sealed class TreeScalar(SourceLocation location, string value, bool isPlain) : TreeNode(location)
{
    public string Value { get; } = value;

    /// <summary>Gets a value indicating whether the scalar is unquoted (plain), so its text starts at its location.</summary>
    public bool IsPlain { get; } = isPlain;

    /// <summary>Gets a value indicating whether the scalar is an unquoted empty value, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull { get; } = isPlain && value is "" or "~" or "null" or "Null" or "NULL";

    public override string Shape => "a single value";
}

/// <summary>A sequence (<c>- item</c> or <c>[a, b]</c>).</summary>
internal sealed class TreeSequence(SourceLocation location, IReadOnlyList<TreeNode> items) : TreeNode(location)
{
    public IReadOnlyList<TreeNode> Items { get; } = items;

    public override string Shape => "a list";
}

/// <summary>A mapping (<c>key: value</c> or <c>{ key: value }</c>); duplicate keys were reported and dropped.</summary>
internal sealed class TreeMapping(SourceLocation location, IReadOnlyList<KeyValuePair<TreeScalar, TreeNode>> entries) : TreeNode(location)
{
    public IReadOnlyList<KeyValuePair<TreeScalar, TreeNode>> Entries { get; } = entries;

    public override string Shape => "a mapping";
}

/// <summary>
/// Reads YAML text into a <see cref="TreeNode"/> tree from YamlDotNet parser events, so that every node keeps its
/// line and column, duplicate keys are reported rather than thrown, and anchors and aliases are refused.
/// </summary>
internal sealed class YamlTreeReader
{
    private const int MaxDepth = 32;

    private readonly string _file;
    private readonly List<FileDiagnostic> _diagnostics;
    private SourceLocation _lastSeen;

    private YamlTreeReader(string file, List<FileDiagnostic> diagnostics)
    {
        _file = file;
        _diagnostics = diagnostics;
        _lastSeen = new SourceLocation(file, 1, 1);
    }

    /// <summary>Parses <paramref name="yaml"/>; returns the root, or <see langword="null"/> for an empty file or a syntax error (reported).</summary>
    public static TreeNode? Read(string file, string yaml, List<FileDiagnostic> diagnostics)
    {
        var reader = new YamlTreeReader(file, diagnostics);
        var parser = new Parser(new StringReader(yaml));
        try
        {
            return reader.ReadStream(parser);
        }
        catch (YamlException ex)
        {
            reader.Error(reader.At(ex.Start), $"YAML syntax error: {ex.Message}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 16 throws this, without a position, for some malformed input (e.g. an unclosed "[").
            reader.Error(reader._lastSeen, "YAML syntax error after this point: an unclosed bracket, brace or quote?");
            return null;
        }
    }

    private TreeNode? ReadStream(Parser parser)
    {
        parser.Consume<StreamStart>();
        if (parser.TryConsume<StreamEnd>(out _))
        {
            return null;
        }

        parser.Consume<DocumentStart>();
        var root = ReadNode(parser, 0);
        parser.Consume<DocumentEnd>();
        if (parser.Accept<DocumentStart>(out var second))
        {
            Error(At(second.Start), "A value set file holds one YAML document; remove the second '---' document.");
        }

        return root;
    }

    private TreeNode? ReadNode(Parser parser, int depth)
    {
        if (parser.Current is { } current)
        {
            _lastSeen = At(current.Start);
        }

        if (depth > MaxDepth)
        {
            Error(_lastSeen, $"Nesting deeper than {MaxDepth} levels.");
            parser.SkipThisAndNestedEvents();
            return null;
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return new TreeScalar(At(scalar.Start), scalar.Value, scalar.Style == ScalarStyle.Plain);
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var items = new List<TreeNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                if (ReadNode(parser, depth + 1) is { } item)
                {
                    items.Add(item);
                }
            }

            return new TreeSequence(At(sequenceStart.Start), items);
        }

        if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            return ReadMapping(parser, mappingStart, depth);
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            Error(At(alias.Start), $"YAML aliases (*{alias.Value}) are not supported in value set files; write the value out.");
            return null;
        }

        // Anything else is a parser state this reader does not expect; let YamlDotNet report it.
        throw new YamlException(parser.Current!.Start, parser.Current.End, $"Unexpected {parser.Current.GetType().Name}.");
    }

    private TreeMapping ReadMapping(Parser parser, MappingStart start, int depth)
    {
        var entries = new List<KeyValuePair<TreeScalar, TreeNode>>();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = ReadNode(parser, depth + 1);
            var value = ReadNode(parser, depth + 1);
            if (key is not TreeScalar keyScalar)
            {
                if (key is not null)
                {
                    Error(key.Location, $"A key must be a single value, not {key.Shape}.", TerminologyDiagnosticIds.InvalidValue);
                }

                continue;
            }

            if (seen.TryGetValue(keyScalar.Value, out var first))
            {
                Error(keyScalar.Location, $"Duplicate key '{keyScalar.Value}' (first at line {first.Line}); the second is ignored.", TerminologyDiagnosticIds.DuplicateKey);
                continue;
            }

            seen.Add(keyScalar.Value, keyScalar.Location);
            if (value is not null)
            {
                entries.Add(new(keyScalar, value));
            }
        }

        return new TreeMapping(At(start.Start), entries);
    }

    private SourceLocation At(Mark mark) =>
        new(_file, (int)Math.Clamp(mark.Line, 0, int.MaxValue), (int)Math.Clamp(mark.Column, 0, int.MaxValue));

    private void Error(SourceLocation location, string message, string id = TerminologyDiagnosticIds.YamlSyntax) =>
        _diagnostics.Add(new FileDiagnostic(id, IssueSeverity.Error, location, message));
}
