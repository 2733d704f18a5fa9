using B12Cds.Facts.Model;
using B12Cds.Rules.Engine;

namespace B12Cds.Rules.Schema;

/// <summary>
/// A fact a rule derived (<c>derive:</c>), e.g. <c>b12-status</c> with <c>state = deficient</c>. It keeps the rule that
/// derived it and the facts that rule matched, so an explanation can follow the chain back to FHIR resources.
/// </summary>
public sealed record DerivedFact : Fact
{
    /// <summary>Gets the derived type's name.</summary>
    public required string TypeName { get; init; }

    /// <inheritdoc/>
    public override string FactType => TypeName;

    /// <summary>Gets the field values.</summary>
    public required IReadOnlyDictionary<string, Value> Fields { get; init; }

    /// <summary>Gets the id of the rule that derived it.</summary>
    public required string RuleId { get; init; }

    /// <summary>Gets the facts the deriving rule matched.</summary>
    public IReadOnlyList<Fact> Basis { get; init => field = value ?? []; } = [];
}
