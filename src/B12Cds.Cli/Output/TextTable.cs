using System.Text;
using Spectre.Console;

namespace B12Cds.Cli.Output;

/// <summary>
/// A table of text: drawn with Spectre.Console on an interactive terminal, and as plain aligned columns (two spaces
/// apart, numbers right-aligned, indented two spaces) everywhere else, so redirected output stays greppable.
/// </summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly bool[] _rightAligned;
    private readonly List<string[]> _rows = [];

    /// <summary>Initializes a new instance of the <see cref="TextTable"/> class; a header ending in <c>&gt;</c> is a right-aligned (numeric) column.</summary>
    public TextTable(params string[] headers)
    {
        _rightAligned = headers.Select(h => h.EndsWith('>')).ToArray();
        _headers = headers.Select(h => h.TrimEnd('>')).ToArray();
    }

    /// <summary>Gets the number of rows.</summary>
    public int Count => _rows.Count;

    /// <summary>Adds a row; missing cells are empty.</summary>
    public void Add(params string[] cells) => _rows.Add([.. cells.Concat(Enumerable.Repeat(string.Empty, Math.Max(0, _headers.Length - cells.Length))).Take(_headers.Length)]);

    /// <summary>Writes the table.</summary>
    public void Write(TextWriter writer)
    {
        if (Terminal.IsInteractive(writer))
        {
            var table = new Table().Border(TableBorder.Rounded);
            for (var i = 0; i < _headers.Length; i++)
            {
                var column = new TableColumn(Markup.Escape(_headers[i]));
                table.AddColumn(_rightAligned[i] ? column.RightAligned() : column);
            }

            foreach (var row in _rows)
            {
                table.AddRow(row.Select(c => new Text(c)).ToArray<Spectre.Console.Rendering.IRenderable>());
            }

            Terminal.CreateConsole(writer).Write(table);
            return;
        }

        writer.Write(ToPlainText());
    }

    /// <summary>Renders the plain-text form.</summary>
    public string ToPlainText()
    {
        var widths = new int[_headers.Length];
        foreach (var row in _rows.Prepend(_headers))
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var sb = new StringBuilder();
        var line = new StringBuilder();
        foreach (var row in _rows.Prepend(_headers))
        {
            line.Clear().Append("  ");
            for (var i = 0; i < row.Length; i++)
            {
                line.Append(_rightAligned[i] ? row[i].PadLeft(widths[i]) : row[i].PadRight(widths[i])).Append("  ");
            }

            sb.Append(line.ToString().TrimEnd()).Append(Environment.NewLine);
        }

        return sb.ToString();
    }
}
