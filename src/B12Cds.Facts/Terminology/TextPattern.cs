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

/// <summary>
/// The compiled form of a list of text patterns: one case-insensitive, non-backtracking regular expression, built
/// once on first use (building one costs milliseconds, and most texts never need most value sets), guarded by a
/// literal prefilter: every match contains each pattern's letter-and-digit runs, so an ASCII text containing no
/// pattern's longest run cannot match and the expression is not run. Thread-safe.
/// </summary>
internal sealed class TextMatcher
{
    private readonly string[]? _literals;
    private readonly Lazy<Regex> _regex;

    private TextMatcher(IReadOnlyList<string> patterns)
    {
        _literals = Literals(patterns);
        var copy = patterns.ToArray();
        _regex = new Lazy<Regex>(() => TextPattern.Compile(copy)!, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Creates a matcher, or <see langword="null"/> when there are no patterns.</summary>
    public static TextMatcher? Create(IReadOnlyList<string> patterns) => patterns.Count == 0 ? null : new TextMatcher(patterns);

    /// <summary>Gets a value indicating whether any pattern occurs in <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="asciiLower">
    /// The text in lower case when it is all ASCII (the prefilter is then exact); otherwise empty, and the
    /// expression is always run.
    /// </param>
    public bool IsMatch(string text, ReadOnlySpan<char> asciiLower)
    {
        if (_literals is not null && asciiLower.Length > 0 && !ContainsAny(asciiLower, _literals))
        {
            return false;
        }

        return _regex.Value.IsMatch(text);
    }

    /// <summary>Lower-cases <paramref name="text"/> into <paramref name="buffer"/> if it is all ASCII; returns the lowered span, or empty.</summary>
    public static ReadOnlySpan<char> AsciiLower(string text, Span<char> buffer) =>
        Ascii.ToLower(text, buffer, out var written) == System.Buffers.OperationStatus.Done ? buffer[..written] : [];

    private static bool ContainsAny(ReadOnlySpan<char> text, string[] literals)
    {
        foreach (var literal in literals)
        {
            if (text.Contains(literal, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets each pattern's longest run of ASCII letters and digits (lower case), or <see langword="null"/> if a pattern has none (no prefilter then).</summary>
    private static string[]? Literals(IReadOnlyList<string> patterns)
    {
        var result = new string[patterns.Count];
        for (var i = 0; i < patterns.Count; i++)
        {
            var p = patterns[i];
            var (bestStart, bestLength, start) = (0, 0, -1);
            for (var j = 0; j <= p.Length; j++)
            {
                if (j < p.Length && char.IsAsciiLetterOrDigit(p[j]))
                {
                    start = start < 0 ? j : start;
                    continue;
                }

                if (start >= 0 && j - start > bestLength)
                {
                    (bestStart, bestLength) = (start, j - start);
                }

                start = -1;
            }

            if (bestLength == 0)
            {
                return null;
            }

            result[i] = p.Substring(bestStart, bestLength).ToLowerInvariant();
        }

        return result;
    }
}
