using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json;

/// <summary>
/// The one set of System.Text.Json options for FHIR JSON: source-generated metadata, strict numbers and property
/// names, duplicate properties refused, and empty arrays never written (FHIR forbids them). A <c>null</c> list, or a
/// null inside one, is read as absent by the model itself (see <c>FhirList</c>).
/// </summary>
public static class FhirJson
{
    /// <summary>Gets the options every FHIR read and write uses.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions(writeIndented: false);

    /// <summary>Gets the same options, writing indented JSON for people.</summary>
    public static JsonSerializerOptions IndentedOptions { get; } = CreateOptions(writeIndented: true);

    /// <summary>
    /// Gets the same options reading every resource only the reference way (the serializer scoping a reader to each
    /// resource): what the single-pass reading is tested against.
    /// </summary>
    internal static JsonSerializerOptions ReferenceReadOptions { get; } = CreateOptions(writeIndented: false, singlePassRead: false);

    /// <summary>Serializes a resource (resourceType first) to a JSON string.</summary>
    public static string Serialize(Resource resource, bool indented = false) =>
        JsonSerializer.Serialize(resource, (JsonTypeInfo<Resource>)(indented ? IndentedOptions : Options).GetTypeInfo(typeof(Resource)));

    /// <summary>Serializes a resource (resourceType first) as UTF-8 bytes.</summary>
    public static byte[] SerializeToUtf8Bytes(Resource resource) =>
        JsonSerializer.SerializeToUtf8Bytes(resource, (JsonTypeInfo<Resource>)Options.GetTypeInfo(typeof(Resource)));

    /// <summary>Writes a resource (resourceType first) to a writer.</summary>
    public static void Write(Utf8JsonWriter writer, Resource resource) =>
        JsonSerializer.Serialize(writer, resource, (JsonTypeInfo<Resource>)Options.GetTypeInfo(typeof(Resource)));

    private static JsonSerializerOptions CreateOptions(bool writeIndented, bool singlePassRead = true)
    {
        var options = new JsonSerializerOptions(FhirJsonContext.Default.Options)
        {
            WriteIndented = writeIndented,

            // FHIR JSON is not embedded in HTML: write '+', '<' and quotes as themselves (+01:00 stays +01:00).
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            AllowDuplicateProperties = false,
            TypeInfoResolver = FhirJsonContext.Default.WithAddedModifier(FhirShape),
        };
        if (!singlePassRead)
        {
            options.Converters.Add(new ResourceJsonConverter(singlePass: false));
        }

        options.MakeReadOnly();
        return options;
    }

    private static void FhirShape(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
            {
                property.ShouldSerialize = static (_, value) => value is not ICollection { Count: 0 };
            }
        }
    }
}
