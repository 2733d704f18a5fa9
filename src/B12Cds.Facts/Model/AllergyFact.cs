namespace B12Cds.Facts.Model;

/// <summary>An allergy or intolerance, e.g. to cobalt or cobalamin.</summary>
public sealed record AllergyFact : Fact
{
    /// <inheritdoc/>
    public override string FactType => "allergy";

    /// <summary>Gets whether it is current (Active) or resolved (Inactive).</summary>
    public required FactStatus Status { get; init; }

    /// <summary>Gets the criticality: low, high or unable-to-assess.</summary>
    public string? Criticality { get; init; }

    /// <summary>Gets the verification status: confirmed or unconfirmed.</summary>
    public string? Verification { get; init; }

    /// <summary>Gets the type: allergy or intolerance.</summary>
    public string? Type { get; init; }
}
