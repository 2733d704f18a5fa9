using System.Text.Json;
using System.Text.Json.Serialization;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json;

/// <summary>
/// Reads any resource by its <c>resourceType</c> and writes it with <c>resourceType</c> first. A resource that cannot
/// be read becomes an <see cref="InvalidResource"/> (and a resource of a type B12 CDS does not model an
/// <see cref="OtherResource"/>) in place, instead of failing the whole document; only malformed JSON does that.
/// </summary>
internal sealed class ResourceJsonConverter : JsonConverter<Resource>
{
    private const string ResourceTypeProperty = "resourceType";

    public override Resource? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"a FHIR resource must be a JSON object, found {FhirDateTimeJsonConverter.Describe(reader.TokenType)}");
        }

        var offset = reader.TokenStartIndex;
        var typeName = PeekResourceType(reader);
        if (typeName is null)
        {
            return Invalid(ref reader, null, "the object has no \"resourceType\" string", null, null, null, offset);
        }

        if (!ModelledResourceTypes.TryGet(typeName, out var type))
        {
            return FhirR4ResourceTypes.All.Contains(typeName)
                ? new OtherResource(typeName, JsonElement.ParseValue(ref reader))
                : Invalid(ref reader, typeName, $"\"{typeName}\" is not a FHIR R4 resource type", ResourceTypeProperty, null, null, offset);
        }

        var attempt = reader;
        try
        {
            var resource = (Resource?)JsonSerializer.Deserialize(ref attempt, options.GetTypeInfo(type));
            reader = attempt;
            return resource;
        }
        catch (JsonException ex) when (ex is not FhirSyntaxException)
        {
            // The JSON itself is well formed (else ParseValue below throws and the document is unreadable):
            // only this resource is lost, and the rest of the document is read.
            return Invalid(ref reader, typeName, Explain(ex), ElementPath(ex.Path), Line(ex), Column(ex), offset);
        }
    }

    public override void Write(Utf8JsonWriter writer, Resource value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case OtherResource other:
                other.Json.WriteTo(writer);
                break;
            case InvalidResource invalid:
                invalid.Json.WriteTo(writer);
                break;
            default:
                JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
                break;
        }
    }

    private static InvalidResource Invalid(ref Utf8JsonReader reader, string? typeName, string problem, string? path, long? line, long? column, long offset)
    {
        try
        {
            return new InvalidResource(typeName, problem, path, line, column, JsonElement.ParseValue(ref reader)) { ByteOffset = offset };
        }
        catch (JsonException ex)
        {
            throw new FhirSyntaxException(ex);
        }
    }

    /// <summary>Finds the value of the object's own <c>resourceType</c> property without moving the caller's reader.</summary>
    private static string? PeekResourceType(Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        while (reader.Read())
        {
            if (reader.CurrentDepth == depth && reader.TokenType == JsonTokenType.EndObject)
            {
                return null;
            }

            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            var isResourceType = reader.ValueTextEquals(ResourceTypeProperty);
            if (!reader.Read())
            {
                return null;
            }

            if (isResourceType)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            if (!reader.TrySkip())
            {
                return null;
            }
        }

        return null;
    }

    private static string Explain(JsonException ex)
    {
        const string CouldNotConvert = "The JSON value could not be converted to ";
        var message = ex.Message;
        if (message.StartsWith(CouldNotConvert, StringComparison.Ordinal))
        {
            var typeName = message[CouldNotConvert.Length..];
            var end = typeName.IndexOf(". Path", StringComparison.Ordinal);
            return $"the value has the wrong JSON type (expected {Expected(end < 0 ? typeName : typeName[..end])})";
        }

        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }

    private static string Expected(string clrType) => clrType switch
    {
        _ when clrType.Contains("Decimal", StringComparison.Ordinal) => "a number",
        _ when clrType.Contains("Int32", StringComparison.Ordinal) => "an integer",
        _ when clrType.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when clrType.Contains("String", StringComparison.Ordinal) && !clrType.Contains("IReadOnlyList", StringComparison.Ordinal) => "a string",
        _ when clrType.Contains("IReadOnlyList", StringComparison.Ordinal) => "an array",
        _ => "an object",
    };

    /// <summary>Turns the serializer's JSONPath (<c>$.component[0].valueQuantity</c>) into a FHIR element path.</summary>
    internal static string? ElementPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return null;
        }

        var path = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        return path.Replace("['", ".", StringComparison.Ordinal).Replace("']", string.Empty, StringComparison.Ordinal).TrimStart('.');
    }

    private static long? Line(JsonException ex) => ex.LineNumber is { } l ? l + 1 : null;

    private static long? Column(JsonException ex) => ex.BytePositionInLine is { } c ? c + 1 : null;
}
