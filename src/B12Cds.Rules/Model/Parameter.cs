using B12Cds.Facts.Terminology;
using B12Cds.Rules.Engine;

namespace B12Cds.Rules.Model;

/// <summary>A DESIGN value the guidelines leave open (a look-back window, a cut-off), kept in <c>rules/parameters.yaml</c> and used as <c>$name</c>.</summary>
/// <param name="Name">The name rules use after <c>$</c>.</param>
/// <param name="Value">Its value: a quantity, duration, number, text or true/false.</param>
/// <param name="Status">design, confirmed or unconfirmed.</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="Location">Where it is defined.</param>
public sealed record Parameter(string Name, Value Value, string Status, string? Source, SourceLocation Location);
