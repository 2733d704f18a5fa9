using B12Cds.Facts.Terminology;

namespace B12Cds.Facts.Tests.Terminology;

public sealed class TextMemoTests
{
    [Fact]
    public void GetOrAdd_SameTextTwice_ComputesOnce()
    {
        // Arrange
        var memo = new TextMemo<int[]>(capacity: 10);
        var calls = 0;

        // Act
        var first = memo.GetOrAdd("anaemia", (text, _) => [++calls, text.Length], 0);
        var second = memo.GetOrAdd("anaemia", (text, _) => [++calls, text.Length], 0);

        // Assert
        Assert.Equal(1, calls);
        Assert.Same(first, second);
    }

    [Fact]
    public void GetOrAdd_PastCapacity_ComputesNewTextsEachTime()
    {
        // Arrange
        var memo = new TextMemo<string>(capacity: 2);
        var calls = 0;
        string Compute(string text, int _)
        {
            calls++;
            return text.ToUpperInvariant();
        }

        memo.GetOrAdd("a", Compute, 0);
        memo.GetOrAdd("b", Compute, 0);

        // Act
        var third = memo.GetOrAdd("c", Compute, 0);
        memo.GetOrAdd("c", Compute, 0);
        memo.GetOrAdd("a", Compute, 0);

        // Assert: "c" is right both times but not remembered; "a" still is.
        Assert.Equal("C", third);
        Assert.Equal(4, calls);
    }
}
