using B12Cds.Fhir.Model;

namespace B12Cds.Facts.Terminology;

/// <summary>One value set (or lab analyte) a concept was found to belong to, and the evidence for it.</summary>
/// <param name="ValueSetId">The id of the value set or analyte, e.g. <c>pernicious-anaemia</c>.</param>
/// <param name="Kind">Whether a code or only text matched.</param>
/// <param name="Coding">
/// For a <see cref="MatchKind.Code"/> match, the coding that matched. For a <see cref="MatchKind.Text"/> match, the
/// coding whose display matched, or <see langword="null"/> when the concept's own text matched.
/// </param>
/// <param name="MatchedText">
/// For a <see cref="MatchKind.Text"/> match, the whole text (concept text or coding display) in which a pattern was
/// found; <see langword="null"/> for a code match.
/// </param>
public sealed record ConceptMatch(string ValueSetId, MatchKind Kind, Coding? Coding, string? MatchedText);
