using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace B12Cds.Cli.Tests.Rules;

/// <summary>
/// Test data for <c>b12cds simulate</c>: writes modified copies of the shipped sample bundles into a folder, each with
/// new resource ids and fullUrls (every UUID replaced, consistently within a copy, so references still resolve) and
/// its total B12 results shifted by a factor between 0.6 and 1.5, so a population of a few hundred patients spreads
/// across the thresholds. Deterministic: the same seed gives the same files.
/// </summary>
internal static partial class SampleBundleGenerator
{
    private static readonly string[] B12Codes = ["2132-9", "14685-2"];

    /// <summary>Writes <paramref name="count"/> bundles under <paramref name="folder"/> (in ten subfolders, to exercise the recursive search); returns their paths.</summary>
    public static IReadOnlyList<string> Write(string folder, int count, int seed = 12)
    {
        var samples = Directory.GetFiles(RulesCli.Samples, "*.json").Order(StringComparer.Ordinal).ToList();
        var written = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var sample = samples[i % samples.Count];
            var json = Modify(File.ReadAllText(sample), i, seed);
            var path = Path.Combine(folder, $"batch-{i % 10}", $"patient-{i:D4}-{Path.GetFileName(sample)}");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, json);
            written.Add(path);
        }

        return written;
    }

    /// <summary>Writes the same bundles as one NDJSON file, one Bundle per line.</summary>
    public static string WriteNdjson(string file, int count, int seed = 12)
    {
        var samples = Directory.GetFiles(RulesCli.Samples, "*.json").Order(StringComparer.Ordinal).ToList();
        var lines = Enumerable.Range(0, count).Select(i => JsonNode.Parse(Modify(File.ReadAllText(samples[i % samples.Count]), i, seed))!.ToJsonString());
        File.WriteAllLines(file, lines);
        return file;
    }

    /// <summary>New UUIDs for copy <paramref name="copy"/>, and total B12 values shifted by a factor chosen from the copy number.</summary>
    internal static string Modify(string json, int copy, int seed)
    {
        var renamed = Uuid().Replace(json, m => NewUuid(m.Value, copy, seed));
        var bundle = JsonNode.Parse(renamed)!;
        var factor = 0.6m + (0.9m * Fraction(copy, seed));
        foreach (var entry in bundle["entry"]?.AsArray() ?? [])
        {
            if (entry?["resource"] is JsonObject resource
                && (string?)resource["resourceType"] == "Observation"
                && resource["code"]?["coding"]?.AsArray().Any(c => B12Codes.Contains((string?)c?["code"])) == true
                && resource["valueQuantity"]?["value"] is JsonValue value
                && value.TryGetValue<decimal>(out var number))
            {
                resource["valueQuantity"]!["value"] = decimal.Round(number * factor, 0);
            }
        }

        return bundle.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static decimal Fraction(int copy, int seed)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{copy}:factor"));
        return BitConverter.ToUInt16(hash, 0) / (decimal)ushort.MaxValue;
    }

    private static string NewUuid(string old, int copy, int seed)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{copy}:{old}"))[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.CultureInvariant)]
    private static partial Regex Uuid();
}
