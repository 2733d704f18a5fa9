namespace B12Cds.Cards.Tests.CdsHooks;

/// <summary>Version-5 (SHA-1 name-based) uuids, checked against published vectors.</summary>
public sealed class NameBasedUuidTests
{
    private static readonly Guid DnsNamespace = new("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    [Theory]
    [InlineData("www.example.com", "2ed6657d-e927-568b-95e1-2665a8aea6a2")] // RFC 9562 Appendix A.4
    [InlineData("python.org", "886313e1-3b8a-5372-9b90-0c9aee199e5d")] // Python's uuid module documentation
    public void Create_DnsNamespace_MatchesPublishedVector(string name, string expected)
    {
        // Arrange
        // Act
        var uuid = NameBasedUuid.Create(DnsNamespace, name);

        // Assert
        Assert.Equal(Guid.Parse(expected), uuid);
    }

    [Fact]
    public void FromParts_SameTextSplitDifferently_DifferentUuids()
    {
        // Arrange
        // Act
        var a = NameBasedUuid.FromParts(["a\nb", "c"]);
        var b = NameBasedUuid.FromParts(["a", "b\nc"]);

        // Assert
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void FromParts_NullAndEmpty_DifferentUuids()
    {
        // Arrange
        // Act
        var withNull = NameBasedUuid.FromParts(["card", null]);
        var withEmpty = NameBasedUuid.FromParts(["card", string.Empty]);

        // Assert
        Assert.NotEqual(withNull, withEmpty);
    }

    [Fact]
    public void FromParts_AnyText_SameUuidAsTheJoinedName()
    {
        // Arrange: ASCII, non-ASCII, a surrogate pair, lone surrogates at a part's edges, and a name over the stack buffer.
        string?[][] cases =
        [
            ["card", "2026.11.0+ab12", "DX-04", "Bundle.entry[3].resource", null, "d1577c69", null],
            ["é—😀", "\ud83d", "\ude00x", string.Empty, null],
            [new string('ü', 700), "x", new string('a', 3000)],
            [],
        ];

        foreach (var parts in cases)
        {
            // Act
            var uuid = NameBasedUuid.FromParts(parts);
            var fromEnumerable = NameBasedUuid.FromParts(parts.AsEnumerable());

            // Assert
            var name = string.Concat(parts.Select(p => $"{(p is null ? "-" : p.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))}:{p}\n"));
            Assert.Equal(NameBasedUuid.Create(NameBasedUuid.B12CdsNamespace, name), uuid);
            Assert.Equal(uuid, fromEnumerable);
        }
    }
}
