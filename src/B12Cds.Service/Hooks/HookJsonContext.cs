using System.Text.Json;
using System.Text.Json.Serialization;

namespace B12Cds.Service.Hooks;

/// <summary>Source-generated JSON for the CDS Hooks documents the service writes itself (discovery, feedback receipts).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CdsDiscovery))]
[JsonSerializable(typeof(FeedbackReceipt))]
internal sealed partial class HookJsonContext : JsonSerializerContext
{
    /// <summary>Gets options that write query strings as they are (<c>&amp;</c>, not <c>\u0026</c>), for integrators reading discovery by eye.</summary>
    public static JsonSerializerOptions Relaxed { get; } = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = Default,
    };
}
