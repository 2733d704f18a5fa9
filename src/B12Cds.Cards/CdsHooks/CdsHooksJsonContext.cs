using System.Text.Json.Serialization;

namespace B12Cds.Cards.CdsHooks;

/// <summary>Source-generated System.Text.Json metadata for the CDS Hooks response model (camelCase, nulls not written).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(CdsResponse))]
[JsonSerializable(typeof(Card))]
internal sealed partial class CdsHooksJsonContext : JsonSerializerContext;
