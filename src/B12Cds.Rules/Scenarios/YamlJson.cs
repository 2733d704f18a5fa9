using System.Text.Json;
using System.Text.RegularExpressions;
using B12Cds.Facts.Terminology;

namespace B12Cds.Rules.Scenarios;

/// <summary>
/// Writes a YAML tree as JSON, so inline FHIR resources in scenario files go through the same FHIR parser as real
/// input. Quoted values are strings; unquoted <c>true</c>/<c>false</c> are booleans; unquoted numbers are JSON
/// numbers written exactly as typed (1.50 stays 1.50) except under FHIR elements that are always strings
/// (<c>id</c>, <c>code</c>, <c>system</c>, <c>display</c>…), so <c>code: 24930006</c> stays a code.
/// </summary>
internal static partial class YamlJson
{
    private static readonly HashSet<string> StringElements = new(StringComparer.Ordinal)
    {
        "id", "code", "system", "version", "display", "text", "unit", "reference", "fullUrl", "url",
        "valueString", "valueCode", "valueId", "valueUri", "gender", "status", "intent", "family", "given", "line",
        "postalCode", "city", "district", "state", "country", "div", "birthDate",
    };

    /// <summary>Writes <paramref name="node"/> as JSON; <paramref name="key"/> is the element it is the value of.</summary>
    public static void Write(Utf8JsonWriter writer, TreeNode node, string? key)
    {
        switch (node)
        {
            case TreeMapping mapping:
                writer.WriteStartObject();
                foreach (var (k, value) in mapping.Entries)
                {
                    writer.WritePropertyName(k.Value);
                    Write(writer, value, k.Value);
                }

                writer.WriteEndObject();
                break;
            case TreeSequence sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items)
                {
                    Write(writer, item, key);
                }

                writer.WriteEndArray();
                break;
            case TreeScalar scalar:
                WriteScalar(writer, scalar, key);
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, TreeScalar scalar, string? key)
    {
        if (!scalar.IsPlain)
        {
            writer.WriteStringValue(scalar.Value);
        }
        else if (scalar.IsNull)
        {
            writer.WriteNullValue();
        }
        else if (scalar.Value is "true" or "false")
        {
            writer.WriteBooleanValue(scalar.Value == "true");
        }
        else if (JsonNumber().IsMatch(scalar.Value) && (key is null || !StringElements.Contains(key)))
        {
            writer.WriteRawValue(scalar.Value, skipInputValidation: true);
        }
        else
        {
            writer.WriteStringValue(scalar.Value);
        }
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();
}
