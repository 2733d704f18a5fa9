namespace B12Cds.Rules.Engine;

/// <summary>What one evaluation is relative to: the evaluation time and the regimen profile.</summary>
/// <param name="Now">The evaluation time: look-back windows end here, and facts dated after it are not seen.</param>
/// <param name="Profile">The regimen profile: <c>us</c> or <c>uk</c>.</param>
public sealed record EvaluationContext(DateTimeOffset Now, string Profile);
