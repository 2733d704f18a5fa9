using System.Text.Json;
using System.Text.Json.Serialization;

namespace B12Cds.Fhir.Model;

/// <summary>
/// A JSON object where a resource was expected that could not be read: no or an unknown <c>resourceType</c>, or an
/// element of the wrong shape (a date that is not a FHIR date, a string where a number belongs). It keeps the JSON
/// as read and the reason, so the rest of a Bundle can still be read and the problem reported.
/// </summary>
public sealed record InvalidResource : Resource
{
    public InvalidResource(InvalidResourceKind kind, string? declaredType, string problem, string? elementPath, long? line, long? column, JsonElement json)
    {
        Kind = kind;
        DeclaredType = declaredType;
        Problem = problem;
        ElementPath = elementPath;
        Line = line;
        Column = column;
        Json = json;
    }

    /// <inheritdoc/>
    protected override string TypeName => DeclaredType ?? "Resource";

    /// <summary>Gets why the resource could not be read.</summary>
    [JsonIgnore]
    public InvalidResourceKind Kind { get; }

    /// <summary>Gets the <c>resourceType</c> the JSON declared, if any.</summary>
    [JsonIgnore]
    public string? DeclaredType { get; }

    /// <summary>Gets what is wrong, in words.</summary>
    [JsonIgnore]
    public string Problem { get; }

    /// <summary>Gets the path of the offending element inside the resource (e.g. <c>effectiveDateTime</c>), if known.</summary>
    [JsonIgnore]
    public string? ElementPath { get; }

    /// <summary>Gets the 1-based line of the problem, counted from the resource's first line, if known.</summary>
    [JsonIgnore]
    public long? Line { get; }

    /// <summary>Gets the 1-based column (in bytes) of the problem, counted from the resource's start when on its first line, if known.</summary>
    [JsonIgnore]
    public long? Column { get; }

    /// <summary>Gets the resource's JSON exactly as read.</summary>
    [JsonIgnore]
    public JsonElement Json { get; }
}
