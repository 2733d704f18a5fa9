namespace B12Cds.Cards.CdsHooks;

/// <summary>Keeps a card summary under the CDS Hooks limit of 140 characters.</summary>
internal static class SummaryText
{
    /// <summary>The longest summary written (CDS Hooks: "&lt;140-character").</summary>
    public const int MaxLength = 139;

    private const char Ellipsis = '\u2026';

    /// <summary>Shortens <paramref name="summary"/> to at most <see cref="MaxLength"/> characters, at a word boundary where one is near, ending in an ellipsis.</summary>
    public static bool TryShorten(string summary, out string shortened)
    {
        var text = summary.Trim();
        if (text.Length <= MaxLength)
        {
            shortened = text;
            return false;
        }

        var cut = MaxLength - 1;
        if (char.IsLowSurrogate(text[cut]))
        {
            cut--;
        }

        var space = text.LastIndexOf(' ', cut);
        if (space > MaxLength * 2 / 3)
        {
            cut = space;
        }

        shortened = text[..cut].TrimEnd(' ', ',', ';', ':', '.', '-') + Ellipsis;
        return true;
    }
}
