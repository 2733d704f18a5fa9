using System.Buffers;
using System.Text.Json;
using B12Cds.Fhir.Json;

namespace B12Cds.Rules.Scenarios;

/// <summary>
/// A captured CDS Hooks request as a simulation patient: its prefetch values (each a resource or a searchset Bundle;
/// null keys skipped) read as one collection Bundle, so a dry run can replay what EHRs actually sent.
/// </summary>
internal static class HookRequestInput
{
    /// <summary>Reads <paramref name="utf8Json"/> as a CDS Hooks request when it is one (an object with <c>hook</c> and <c>prefetch</c>).</summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8Json, FhirJsonParser parser, out FhirParseResult result)
    {
        result = null!;
        try
        {
            using var document = JsonDocument.Parse(utf8Json.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("hook", out var hook) || hook.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("prefetch", out var prefetch) || prefetch.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var buffer = new ArrayBufferWriter<byte>(utf8Json.Length + 256);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("resourceType", "Bundle");
                writer.WriteString("type", "collection");
                writer.WriteStartArray("entry");
                foreach (var key in prefetch.EnumerateObject().Where(k => k.Value.ValueKind == JsonValueKind.Object))
                {
                    writer.WriteStartObject();
                    writer.WritePropertyName("resource");
                    key.Value.WriteTo(writer);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            result = parser.Parse(buffer.WrittenSpan);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
