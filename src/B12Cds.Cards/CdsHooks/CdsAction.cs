using System.Text.Json.Serialization;
using B12Cds.Fhir.Model;

namespace B12Cds.Cards.CdsHooks;

/// <summary>An action of a suggestion or a system action (CDS Hooks <c>Action</c>): create, update or delete a FHIR resource.</summary>
/// <remarks>Written by <see cref="CdsActionJsonConverter"/>, so the resource is FHIR JSON written by the FHIR layer.</remarks>
[JsonConverter(typeof(CdsActionJsonConverter))]
public sealed record CdsAction
{
    /// <summary>The action type that proposes a new resource.</summary>
    public const string Create = "create";

    /// <summary>Gets the type: create, update or delete.</summary>
    public required string Type { get; init; }

    public required string Description { get; init; }

    /// <summary>Gets the resource to create or the full resource to update.</summary>
    public Resource? Resource { get; init; }

    /// <summary>Gets the relative reference of the resource to delete.</summary>
    public string? ResourceId { get; init; }
}
