using System.Collections;
using System.Text.Json.Serialization.Metadata;

namespace B12Cds.Cards;

/// <summary>The JSON shape CDS Hooks and FHIR share: no nulls and no empty arrays written (except where a property must always be present).</summary>
internal static class JsonShape
{
    /// <summary>Returns a modifier that skips empty collections, except the properties named in <paramref name="alwaysWritten"/> (Type.property).</summary>
    public static Action<JsonTypeInfo> OmitEmptyCollections(params (Type Type, string JsonName)[] alwaysWritten) => typeInfo =>
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.PropertyType == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
            {
                continue;
            }

            if (alwaysWritten.Any(a => a.Type == typeInfo.Type && string.Equals(a.JsonName, property.Name, StringComparison.Ordinal)))
            {
                continue;
            }

            property.ShouldSerialize = static (_, value) => value is not ICollection { Count: 0 };
        }
    };
}
