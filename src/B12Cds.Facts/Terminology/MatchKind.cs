namespace B12Cds.Facts.Terminology;

/// <summary>How a concept was found to belong to a value set.</summary>
public enum MatchKind
{
    /// <summary>A coding's system and code are listed in the value set (exactly, or under a prefix such as <c>B03BA*</c>).</summary>
    Code,

    /// <summary>
    /// No listed code matched, but one of the value set's text patterns matched the concept's text or a coding's
    /// display. Weaker evidence: explanations must say the match was by text.
    /// </summary>
    Text,
}
