using System.Text.Json;
using System.Text.Json.Serialization;
using B12Cds.Fhir.Json;

namespace B12Cds.Cards.CdsHooks;

/// <summary>
/// Reads and writes a CDS Hooks <c>Action</c>; its <c>resource</c> is FHIR JSON, written and read by the FHIR layer
/// (<see cref="FhirJson"/>, <see cref="FhirJsonParser"/>) so it follows FHIR's JSON rules exactly.
/// </summary>
public sealed class CdsActionJsonConverter : JsonConverter<CdsAction>
{
    /// <inheritdoc/>
    public override CdsAction? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A CDS Hooks action must be a JSON object.");
        }

        string? Text(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

        Fhir.Model.Resource? resource = null;
        if (root.TryGetProperty("resource", out var r) && r.ValueKind == JsonValueKind.Object)
        {
            var parsed = new FhirJsonParser().Parse(r.GetRawText());
            resource = parsed.IsReadable ? parsed.Resource : throw new JsonException($"The action's resource is not readable FHIR: {string.Join("; ", parsed.Issues)}");
        }

        return new CdsAction
        {
            Type = Text("type") ?? throw new JsonException("A CDS Hooks action needs a 'type'."),
            Description = Text("description") ?? throw new JsonException("A CDS Hooks action needs a 'description'."),
            Resource = resource,
            ResourceId = Text("resourceId"),
        };
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, CdsAction value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        CdsHooksJsonWriter.WriteAction(writer, value);
    }
}
