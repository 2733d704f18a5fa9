using System.Text.Json;
using System.Text.Json.Serialization;

namespace B12Cds.Fhir.Model;

/// <summary>
/// A valid FHIR R4 resource of a type B12 CDS does not model (an Encounter, say). It is kept whole as JSON, so
/// nothing is lost when it is written back, and is otherwise skipped.
/// </summary>
public sealed record OtherResource : Resource
{
    public OtherResource(string resourceType, JsonElement json)
    {
        _typeName = resourceType;
        Json = json;
    }

    private readonly string _typeName;

    /// <summary>Gets the resource exactly as read.</summary>
    [JsonIgnore]
    public JsonElement Json { get; }

    /// <inheritdoc/>
    protected override string TypeName => _typeName;
}
