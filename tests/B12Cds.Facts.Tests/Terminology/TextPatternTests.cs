using System.Text.RegularExpressions;
using B12Cds.Facts.Terminology;

namespace B12Cds.Facts.Tests.Terminology;

public sealed class TextPatternTests
{
    [Theory]
    [InlineData("an*mia", @"\ban[\p{L}'’]*mia\b")]
    [InlineData("roux en-y", @"\broux[\s\-]+en[\s\-]+y\b")]
    [InlineData("k+", @"\bk\+")]
    [InlineData("(a|b)", @"\(a\|b\)")]
    [InlineData("*prazole", @"\b[\p{L}'’]*prazole\b")]
    public void ToRegexSource_Pattern_EscapesEverythingButWildcardAndSeparators(string pattern, string expected)
    {
        // Act
        var source = TextPattern.ToRegexSource(pattern);

        // Assert
        Assert.Equal(expected, source);
    }

    [Theory]
    [InlineData("(.+)?$")]
    [InlineData("[a-z]{2,}")]
    [InlineData(@"\d+")]
    public void Compile_RegexSyntax_IsMatchedLiterally(string pattern)
    {
        // Act
        var regex = TextPattern.Compile([pattern])!;

        // Assert
        Assert.True(regex.Options.HasFlag(RegexOptions.NonBacktracking));
        Assert.Matches(regex, $"x {pattern} y");
        Assert.DoesNotMatch(regex, "abc 123");
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("*", false)]
    [InlineData(" - ", false)]
    [InlineData("k+", true)]
    [InlineData("n₂o", true)]
    public void IsMeaningful_Pattern_RequiresALetterOrDigit(string pattern, bool expected)
    {
        // Act / Assert
        Assert.Equal(expected, TextPattern.IsMeaningful(pattern));
    }
}
