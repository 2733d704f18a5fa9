namespace B12Cds.Rules.Engine;

/// <summary>An expression after type checking: its type and its compiled evaluator.</summary>
/// <param name="Type">Its static type.</param>
/// <param name="Evaluate">Its evaluator.</param>
/// <param name="IsSymbol">Whether it is a bare word that named nothing, read as text (<c>status = active</c>).</param>
/// <param name="UnknownName">For a symbol, the message to give if it turns out not to be text after all (a misspelt field).</param>
/// <param name="ConstantValue">Its value when it is a literal or a parameter (the same for every match), so users can prepare for it once.</param>
internal sealed record CompiledExpression(ExprType Type, Evaluator Evaluate, bool IsSymbol = false, string? UnknownName = null, Value? ConstantValue = null);
