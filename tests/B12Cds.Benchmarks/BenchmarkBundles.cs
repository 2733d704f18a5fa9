using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace B12Cds.Benchmarks;

/// <summary>
/// The 50-resource inputs of the parse and extraction benchmarks: the sample bundle as it is in <c>fhir-samples/</c>
/// (indented, no narratives), and the same 50 resources as an EHR's FHIR API returns them.
/// </summary>
internal static class BenchmarkBundles
{
    /// <summary>The sample bundle as stored: indented JSON, no narratives, no resource meta (93 KB).</summary>
    public const string Sample = "sample-50";

    /// <summary>The same resources as an EHR export: minified, each with <c>meta</c> and a generated XHTML narrative.</summary>
    public const string EhrExport = "ehr-export-50";

    /// <summary>Gets the bytes of the named input.</summary>
    public static byte[] Load(string name)
    {
        var sample = File.ReadAllBytes(RepoFiles.Sample("large-50-resources.json"));
        return name switch
        {
            Sample => sample,
            EhrExport => AsEhrExport(sample),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown benchmark input."),
        };
    }

    /// <summary>
    /// Rewrites the sample as EHR FHIR servers send it: no indentation, and each resource with a version, a
    /// last-updated instant and a generated narrative (an XHTML table of its values, as HAPI's and most EHRs'
    /// narrative generators write it).
    /// </summary>
    private static byte[] AsEhrExport(byte[] sample)
    {
        var bundle = JsonNode.Parse(sample)!.AsObject();
        var version = 1;
        foreach (var entry in bundle["entry"]!.AsArray())
        {
            var resource = entry!["resource"]!.AsObject();
            var rebuilt = new JsonObject
            {
                ["resourceType"] = resource["resourceType"]!.DeepClone(),
                ["id"] = resource["id"]?.DeepClone(),
                ["meta"] = new JsonObject
                {
                    ["versionId"] = (version++ % 7 + 1).ToString(CultureInfo.InvariantCulture),
                    ["lastUpdated"] = "2026-10-31T22:14:05.123+00:00",
                    ["source"] = "#ehr-export-7f3a2c",
                },
                ["text"] = new JsonObject { ["status"] = "generated", ["div"] = Narrative(resource) },
            };
            foreach (var (name, value) in resource)
            {
                if (name is not ("resourceType" or "id" or "meta" or "text"))
                {
                    rebuilt[name] = value?.DeepClone();
                }
            }

            entry["resource"] = rebuilt;
        }

        return JsonSerializer.SerializeToUtf8Bytes(bundle);
    }

    private static string Narrative(JsonObject resource)
    {
        var html = new StringBuilder("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p><b>Generated Narrative: ")
            .Append(resource["resourceType"]).Append("</b></p><table class=\"grid\">");
        foreach (var (path, value) in Leaves(resource, string.Empty))
        {
            html.Append("<tr><td>").Append(path).Append("</td><td>").Append(System.Net.WebUtility.HtmlEncode(value)).Append("</td></tr>");
        }

        return html.Append("</table></div>").ToString();
    }

    private static IEnumerable<(string Path, string Value)> Leaves(JsonNode? node, string path) => node switch
    {
        JsonObject o => o.SelectMany(p => Leaves(p.Value, path.Length == 0 ? p.Key : $"{path}.{p.Key}")),
        JsonArray a => a.SelectMany(item => Leaves(item, path)),
        JsonValue v when path is not ("resourceType" or "id") && !path.EndsWith(".system", StringComparison.Ordinal) => [(path, v.ToString())],
        _ => [],
    };
}
