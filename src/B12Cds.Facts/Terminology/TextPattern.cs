using System.Text;
using System.Text.RegularExpressions;

namespace B12Cds.Facts.Terminology;

/// <summary>
/// Turns the text patterns of value set files into regular expressions. The pattern language is deliberately tiny,
/// so no regular-expression syntax from a file reaches the engine: matching is case-insensitive and by whole words;
/// <c>*</c> stands for zero or more letters (or apostrophes) within a word; a run of spaces or hyphens stands for any
/// run of spaces and hyphens (<c>roux en y</c> matches "Roux-en-Y"); every other character is literal.
/// </summary>
internal static class TextPattern
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;
    private const string Separator = @"[\s\-]+";
    private const string WordLetters = @"[\p{L}'’]*";

    /// <summary>Gets a value indicating whether <paramref name="pattern"/> has a letter or digit (anything less would match almost anything).</summary>
    public static bool IsMeaningful(string pattern)
    {
        foreach (var ch in pattern)
        {
            if (char.IsLetterOrDigit(ch))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Translates one pattern into regular-expression source.</summary>
    public static string ToRegexSource(string pattern)
    {
        var p = pattern.Trim();
        var sb = new StringBuilder(p.Length * 2);
        if (p.Length > 0 && IsWordEdge(p[0]))
        {
            sb.Append(@"\b");
        }

        for (var i = 0; i < p.Length; i++)
        {
            var ch = p[i];
            if (IsSeparator(ch))
            {
                while (i + 1 < p.Length && IsSeparator(p[i + 1]))
                {
                    i++;
                }

                sb.Append(Separator);
            }
            else if (ch == '*')
            {
                sb.Append(WordLetters);
            }
            else if (char.IsLetterOrDigit(ch))
            {
                sb.Append(ch);
            }
            else
            {
                sb.Append(Regex.Escape(ch.ToString()));
            }
        }

        if (p.Length > 0 && IsWordEdge(p[^1]))
        {
            sb.Append(@"\b");
        }

        return sb.ToString();
    }

    /// <summary>Compiles patterns into one expression matching any of them, or <see langword="null"/> when there are none.</summary>
    public static Regex? Compile(IReadOnlyList<string> patterns)
    {
        if (patterns.Count == 0)
        {
            return null;
        }

        var source = string.Join('|', patterns.Select(p => "(?:" + ToRegexSource(p) + ")"));
        return new Regex(source, Options);
    }

    private static bool IsSeparator(char ch) => char.IsWhiteSpace(ch) || ch == '-';

    private static bool IsWordEdge(char ch) => char.IsLetterOrDigit(ch) || ch == '*' || ch == '_';
}
