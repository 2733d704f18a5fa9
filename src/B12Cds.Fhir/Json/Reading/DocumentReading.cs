using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Reading;

/// <summary>Reads one resource of a known type where the reader stands (on its opening brace), leaving it on the closing brace.</summary>
internal delegate Resource HandReader(ref FhirJsonReader reader);

/// <summary>
/// The parser's fast path: a whole document read in one forward pass by <see cref="FhirJsonReader"/> and the
/// hand-written readers of the resources B12 CDS reads. A resource type B12 CDS only writes is handed to the
/// serializer; one it does not model is kept as JSON (<see cref="OtherResource"/>), as the serializer's reading keeps it.
/// </summary>
/// <remarks>
/// It reads only what it is sure of. Anything unusual — malformed JSON, a value of the wrong JSON type, a repeated or
/// escaped property name, a resource with no <c>resourceType</c> or one that is not FHIR R4 — throws, and
/// <see cref="FhirJsonParser"/> then reads the document the serializer's way, which keeps what can be kept and explains
/// the problem with its path, line and column. Both ways give the same resources, issues and offsets on every input
/// (the equivalence tests run both on every official example and sample, whole and damaged).
/// </remarks>
internal static class DocumentReading
{
    /// <summary>The slots of the table of repeated short values one document's reading shares (see <see cref="FhirJsonReader(ReadOnlySpan{byte}, string?[])"/>).</summary>
    private const int SharedStrings = 512;

    /// <summary>Reads a whole document (UTF-8, without a byte-order mark) holding one resource: false when it needs the serializer's reading.</summary>
    public static bool TryRead(ReadOnlySpan<byte> json, [NotNullWhen(true)] out Resource? resource)
    {
        try
        {
            var reader = new FhirJsonReader(json, new string?[SharedStrings]);
            reader.Read();
            var read = ReadResource(ref reader);

            // Read is false at the end of the document, and throws on anything after the resource but whitespace.
            if (!reader.Read())
            {
                resource = read;
                return true;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or OverflowException or NotSupportedException or ArgumentException)
        {
            // Unusual input: the serializer's reading explains it.
        }

        resource = null;
        return false;
    }

    /// <summary>
    /// Reads the resource where the reader stands, by its <c>resourceType</c>. Its <see cref="Resource.SourceOffset"/>
    /// counts from the start of the document, and those of the resources it holds from its own start.
    /// </summary>
    /// <exception cref="JsonException">The resource needs the serializer's reading.</exception>
    public static Resource ReadResource(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        var start = reader.TokenStartIndex;
        var typeName = ResourceType(reader);
        Resource resource;
        if (!ModelledResourceTypes.TryGet(typeName, out var type))
        {
            var name = Encoding.UTF8.GetString(typeName);
            if (!FhirR4ResourceTypes.All.Contains(name))
            {
                throw new JsonException($"\"{name}\" is not a FHIR R4 resource type");
            }

            var json = new Utf8JsonReader(Value(ref reader, start));
            resource = new OtherResource(name, JsonElement.ParseValue(ref json));
        }
        else if (type.HandReader is { } read)
        {
            resource = read(ref reader);

            // The resources it holds were read where they stand in the document: count their offsets from its start.
            NestedResources.ShiftOffsets(resource, -start);
        }
        else
        {
            // Read on its own, so the offsets of the resources it holds already count from its start.
            resource = (Resource?)JsonSerializer.Deserialize(Value(ref reader, start), FhirJson.Options.GetTypeInfo(type.Type))
                ?? throw new JsonException("a resource read as null");

            // A resource inside that could not be read carries a line and column counted from this one's start, not
            // the document's: the serializer's reading of the whole document places it right.
            if (start > 0 && HoldsInvalid(resource))
            {
                throw new JsonException("an unreadable resource inside a resource the serializer read");
            }
        }

        resource.SourceOffset = start;
        return resource;
    }

    /// <summary>Finds the object's own <c>resourceType</c> (its UTF-8 bytes, a plain string's) without moving the caller's reader.</summary>
    private static ReadOnlySpan<byte> ResourceType(FhirJsonReader reader)
    {
        var depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.ValueIsEscaped)
            {
                throw new JsonException("an escaped property name");
            }

            var isResourceType = reader.ValueSpan.SequenceEqual("resourceType"u8);
            reader.Read();
            if (isResourceType)
            {
                return reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
                    ? reader.ValueSpan
                    : throw new JsonException("resourceType is not a plain string");
            }

            reader.Skip();
        }

        throw new JsonException("the object has no resourceType");
    }

    /// <summary>Skips the value that starts at <paramref name="start"/>, where the reader stands, and gives its bytes.</summary>
    private static ReadOnlySpan<byte> Value(ref FhirJsonReader reader, int start)
    {
        reader.Skip();
        return reader.Document[start..(reader.TokenStartIndex + 1)];
    }

    private static bool HoldsInvalid(Resource resource)
    {
        var invalid = new StrongBox<bool>();
        NestedResources.ForEach(resource, invalid, static (nested, invalid) => invalid.Value |= nested is InvalidResource || HoldsInvalid(nested));
        return invalid.Value;
    }
}
