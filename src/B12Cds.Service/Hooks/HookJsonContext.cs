using System.Text.Json.Serialization;

namespace B12Cds.Service.Hooks;

/// <summary>Source-generated JSON for the CDS Hooks documents the service writes itself (discovery, feedback receipts).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CdsDiscovery))]
[JsonSerializable(typeof(FeedbackReceipt))]
internal sealed partial class HookJsonContext : JsonSerializerContext;
