namespace B12Cds.Rules.Engine;

/// <summary>An expression after type checking: its type and its compiled evaluator.</summary>
internal sealed record CompiledExpression(ExprType Type, Evaluator Evaluate, bool IsSymbol = false);
