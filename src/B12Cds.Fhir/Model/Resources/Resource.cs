using System.Text.Json.Serialization;
using B12Cds.Fhir.Json;

namespace B12Cds.Fhir.Model;

/// <summary>
/// The base of every FHIR resource. <see cref="ResourceType"/> is the JSON discriminator: it is written first and
/// chooses the type on read (see <see cref="ResourceJsonConverter"/>).
/// </summary>
[JsonConverter(typeof(ResourceJsonConverter))]
public abstract record Resource
{
    /// <summary>Gets the FHIR resource type name, e.g. <c>Observation</c>.</summary>
    [JsonPropertyOrder(-100)]
    public string ResourceType => TypeName;

    [JsonPropertyOrder(-99)]
    public string? Id { get; init; }

    [JsonPropertyOrder(-98)]
    public Meta? Meta { get; init; }

    [JsonPropertyOrder(-97)]
    public string? ImplicitRules { get; init; }

    [JsonPropertyOrder(-96)]
    public string? Language { get; init; }

    /// <summary>Gets the resource type name; each concrete resource names itself.</summary>
    [JsonIgnore]
    protected abstract string TypeName { get; }

    /// <summary>
    /// Gets or sets the offset in bytes of the resource's opening brace, relative to the resource that contains it
    /// (or to the input, for the root): the reader sets it so problems can be placed by line and column.
    /// </summary>
    [JsonIgnore]
    internal long SourceOffset { get; set; }

    /// <summary>Gets the relative reference to this resource (<c>Type/id</c>), or null when it has no id.</summary>
    public string? RelativeReference() => Id is null ? null : $"{ResourceType}/{Id}";
}
