using System.Text.Json.Serialization;
using B12Cds.Cards.CdsHooks;

namespace B12Cds.Cards.Reports;

/// <summary>Source-generated System.Text.Json metadata for the report's own parts (camelCase, nulls not written).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(IReadOnlyList<RuleReference>))]
[JsonSerializable(typeof(IReadOnlyList<TraceEntry>))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
