namespace B12Cds.Rules.Engine;

/// <summary>A compiled expression: reads a value from a partial match.</summary>
internal delegate Value Evaluator(MatchRow row);
