using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json;

/// <summary>
/// Reads any resource by its <c>resourceType</c> and writes it with <c>resourceType</c> first. A resource that cannot
/// be read becomes an <see cref="InvalidResource"/> (and a resource of a type B12 CDS does not model an
/// <see cref="OtherResource"/>) in place, instead of failing the whole document; only malformed JSON does that.
/// </summary>
internal sealed partial class ResourceJsonConverter : JsonConverter<Resource>
{
    private const string ResourceTypeProperty = "resourceType";
    private readonly bool _singlePass;

    /// <summary>Initializes a new instance of the <see cref="ResourceJsonConverter"/> class that reads in a single pass.</summary>
    public ResourceJsonConverter()
        : this(singlePass: true)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ResourceJsonConverter"/> class.</summary>
    /// <param name="singlePass">
    /// False to read every resource only the reference way (<see cref="ReadScoped"/>): what the single pass is tested against.
    /// </param>
    internal ResourceJsonConverter(bool singlePass)
    {
        _singlePass = singlePass;
    }

    public override Resource? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var offset = reader.TokenStartIndex;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var found = FhirDateTimeJsonConverter.Describe(reader.TokenType);
            return Invalid(ref reader, InvalidResourceKind.NotAnObject, null, $"a FHIR resource must be a JSON object, found {found}", null, null, null, offset);
        }

        var typeName = PeekResourceType(reader);
        if (typeName is null)
        {
            return Invalid(ref reader, InvalidResourceKind.MissingResourceType, null, "the object has no \"resourceType\" string", null, null, null, offset);
        }

        if (!ModelledResourceTypes.TryGet(typeName, out var type))
        {
            if (FhirR4ResourceTypes.All.Contains(typeName))
            {
                return new OtherResource(typeName, JsonElement.ParseValue(ref reader)) { SourceOffset = offset };
            }

            return Invalid(ref reader, InvalidResourceKind.UnknownResourceType, typeName, $"\"{typeName}\" is not a FHIR R4 resource type", ResourceTypeProperty, null, null, offset);
        }

        if (_singlePass && TryReadInPlace(ref reader, type, options, offset) is { } read)
        {
            return read;
        }

        // The reference reading always uses the reference options: the serializer's own readers throughout, whose
        // messages and positions the issues are built from.
        return ReadScoped(ref reader, type.Type, typeName, _singlePass ? FhirJson.ReferenceReadOptions : options, offset);
    }

    /// <summary>
    /// Reads a well-formed, valid resource in the same forward pass as the document around it; null when anything
    /// goes wrong (the reader is then left where it was, for <see cref="ReadScoped"/> to read the resource again and
    /// explain the problem exactly as it always has).
    /// </summary>
    private static Resource? TryReadInPlace(ref Utf8JsonReader reader, ModelledResourceType type, JsonSerializerOptions options, long offset)
    {
        var attempt = reader;
        Resource? resource;
        try
        {
            resource = type.ReadInPlace(ref attempt, options);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or OverflowException or NotSupportedException or ArgumentException)
        {
            return null;
        }

        if (resource is null)
        {
            return null;
        }

        reader = attempt;
        resource.SourceOffset = offset;

        // This reader's positions count from the start of the document; a nested resource's offset counts from its container's start.
        NestedResources.ShiftOffsets(resource, -offset);
        return resource;
    }

    /// <summary>The reference reading: the serializer scopes a reader to the resource, so errors carry its path, line and column.</summary>
    private static Resource? ReadScoped(ref Utf8JsonReader reader, Type type, string typeName, JsonSerializerOptions options, long offset)
    {
        var attempt = reader;
        try
        {
            var resource = (Resource?)JsonSerializer.Deserialize(ref attempt, options.GetTypeInfo(type));
            reader = attempt;
            if (resource is not null)
            {
                resource.SourceOffset = offset;
            }

            return resource;
        }
        catch (JsonException ex) when (ex is not FhirSyntaxException)
        {
            // The JSON itself is well formed (else ParseValue below throws and the document is unreadable):
            // only this resource is lost, and the rest of the document is read.
            return Invalid(ref reader, InvalidResourceKind.InvalidElement, typeName, Explain(ex), ElementPath(ex.Path), Line(ex), Column(ex), offset);
        }
    }

    public override void Write(Utf8JsonWriter writer, Resource value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case OtherResource other:
                WriteResourceTypeFirst(writer, other.Json);
                break;
            case InvalidResource invalid:
                WriteResourceTypeFirst(writer, invalid.Json);
                break;
            default:
                JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
                break;
        }
    }

    /// <summary>Writes raw resource JSON with its <c>resourceType</c> first, as FHIR JSON is written; anything else as it was.</summary>
    private static void WriteResourceTypeFirst(Utf8JsonWriter writer, JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty(ResourceTypeProperty, out var resourceType))
        {
            json.WriteTo(writer);
            return;
        }

        writer.WriteStartObject();
        writer.WritePropertyName(ResourceTypeProperty);
        resourceType.WriteTo(writer);
        foreach (var property in json.EnumerateObject())
        {
            if (property.NameEquals(ResourceTypeProperty))
            {
                continue;
            }

            property.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private static InvalidResource Invalid(ref Utf8JsonReader reader, InvalidResourceKind kind, string? typeName, string problem, string? path, long? line, long? column, long offset)
    {
        try
        {
            return new InvalidResource(kind, typeName, problem, path, line, column, JsonElement.ParseValue(ref reader)) { SourceOffset = offset };
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

    /// <summary>Turns the serializer's message into plain words: what was found, and what was expected where it can tell.</summary>
    internal static string Explain(JsonException ex)
    {
        if (ex.InnerException is InvalidOperationException inner && TokenMismatch().Match(inner.Message) is { Success: true } m)
        {
            return $"the value has the wrong JSON type (expected {Expected(m.Groups["expected"].Value)}, found {Article(m.Groups["found"].Value)})";
        }

        var message = ex.Message;
        if (message.StartsWith("The JSON value could not be converted to ", StringComparison.Ordinal))
        {
            return "the value has the wrong JSON type for this element";
        }

        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        message = cut < 0 ? message : message[..cut];
        message = DeserializationOfType().Replace(message, string.Empty);
        return message.TrimEnd('.', ' ');
    }

    private static string Expected(string clrWord) => clrWord switch
    {
        "boolean" => "true or false",
        "string" => "a string",
        "number" => "a number",
        _ => Article(clrWord),
    };

    private static string Article(string jsonType)
    {
        var word = jsonType.ToLowerInvariant() switch
        {
            "startobject" => "object",
            "startarray" => "array",
            "true" or "false" => "boolean",
            var other => other,
        };
        return word.Length > 0 && "aeiou".Contains(word[0], StringComparison.Ordinal) ? $"an {word}" : $"a {word}";
    }

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

    [GeneratedRegex(@"token type '(?<found>\w+)' as an? (?<expected>\w+)")]
    private static partial Regex TokenMismatch();

    [GeneratedRegex(@" during deserialization of type '[^']*'")]
    private static partial Regex DeserializationOfType();
}
