using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using B12Cds.Cards.CdsHooks;
using B12Cds.Fhir.Json;

namespace B12Cds.Cards.Reports;

/// <summary>
/// Writes a report as exactly one JSON object: <c>firedRules</c> (id, version), <c>cards</c> (CDS Hooks 2.0 cards),
/// <c>carePlan</c> (a FHIR R4 CarePlan, or null) and <c>trace</c> (each firing with its facts and citations).
/// </summary>
public static class EvaluationReportJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>Serializes a report (indented for people by default).</summary>
    public static string Serialize(EvaluationReport report, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("firedRules");
            JsonSerializer.Serialize(writer, report.FiredRules, TypeInfo<IReadOnlyList<RuleReference>>());
            writer.WriteStartArray("cards");
            foreach (var card in report.Cards)
            {
                CdsHooksJson.Write(writer, card);
            }

            writer.WriteEndArray();
            writer.WritePropertyName("carePlan");
            if (report.CarePlan is { } plan)
            {
                FhirJson.Write(writer, plan);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WritePropertyName("trace");
            JsonSerializer.Serialize(writer, report.Trace, TypeInfo<IReadOnlyList<TraceEntry>>());
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(ReportJsonContext.Default.Options)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = ReportJsonContext.Default.WithAddedModifier(JsonShape.OmitEmptyCollections()),
        };
        options.MakeReadOnly();
        return options;
    }
}
