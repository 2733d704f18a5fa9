using System.Text.Encodings.Web;
using System.Text.Json;
using B12Cds.Facts.Model;
using B12Cds.Fhir.Json;

namespace B12Cds.Cli.Output;

/// <summary>Prints facts as one JSON object for scripts: <c>asOf</c>, <c>valueSets</c>, <c>facts</c> (type, source, concepts, text) and <c>issues</c> (a FHIR OperationOutcome).</summary>
internal static class FactJsonPrinter
{
    public static void Print(TextWriter output, FactSet facts, string valueSetVersion)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("asOf", facts.AsOf.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("valueSets", valueSetVersion);
            writer.WriteStartArray("facts");
            foreach (var fact in facts.Facts)
            {
                writer.WriteStartObject();
                writer.WriteString("type", fact.FactType);
                writer.WriteStartObject("source");
                writer.WriteString("resourceType", fact.Source.ResourceType);
                WriteIfNotNull(writer, "id", fact.Source.Id);
                WriteIfNotNull(writer, "reference", fact.Source.Reference);
                writer.WriteString("path", fact.Source.Path);
                writer.WriteEndObject();
                writer.WriteStartArray("concepts");
                foreach (var c in fact.Concepts)
                {
                    writer.WriteStartObject();
                    writer.WriteString("valueSet", c.ValueSetId);
                    writer.WriteString("matchedBy", c.Kind.ToString().ToLowerInvariant());
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                WriteIfNotNull(writer, "label", fact.Label);
                writer.WriteString("text", FactText.Describe(fact));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WritePropertyName("issues");
            FhirJson.Write(writer, B12Cds.Fhir.Diagnostics.OperationOutcomeBuilder.Build(facts.Issues));
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteIfNotNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
