using B12Cds.Rules.Schema;

namespace B12Cds.Rules.Engine;

/// <summary>A named pattern as expressions see it: its slot in the match row, its fact type, and the unit and molar mass its <c>value</c> has.</summary>
internal sealed record BindingInfo(string Name, int Slot, FactTypeSchema Type, string? ValueUnit = null, decimal? MolarMass = null);
