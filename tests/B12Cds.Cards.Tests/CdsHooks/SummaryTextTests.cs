using B12Cds.Cards.CdsHooks;

namespace B12Cds.Cards.Tests.CdsHooks;

/// <summary>Card summaries stay under 140 characters (CDS Hooks), shortened at a word with an ellipsis.</summary>
public sealed class SummaryTextTests
{
    [Fact]
    public void TryShorten_139Characters_Unchanged()
    {
        // Arrange
        var summary = new string('a', 139);

        // Act
        var shortened = SummaryText.TryShorten(summary, out var text);

        // Assert
        Assert.False(shortened);
        Assert.Equal(summary, text);
    }

    [Fact]
    public void TryShorten_LongSentence_CutAtAWordWithEllipsisUnder140()
    {
        // Arrange
        var summary = string.Join(' ', Enumerable.Repeat("deficiency", 20));

        // Act
        var shortened = SummaryText.TryShorten(summary, out var text);

        // Assert
        Assert.True(shortened);
        Assert.True(text.Length < 140, text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("deficiency\u2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TryShorten_OneLongWord_HardCutWithEllipsis()
    {
        // Arrange
        var summary = new string('x', 300);

        // Act
        SummaryText.TryShorten(summary, out var text);

        // Assert
        Assert.Equal(new string('x', 138) + "\u2026", text);
    }

    [Fact]
    public void TryShorten_CutInsideSurrogatePair_KeepsThePairWhole()
    {
        // Arrange: an emoji (two UTF-16 units) straddling the cut.
        var summary = new string('x', 137) + "\U0001F489" + new string('y', 20);

        // Act
        SummaryText.TryShorten(summary, out var text);

        // Assert
        Assert.Equal(new string('x', 137) + "\u2026", text);
    }
}
