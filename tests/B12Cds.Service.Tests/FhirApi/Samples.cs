using System.Text.Json;

namespace B12Cds.Service.Tests.FhirApi;

/// <summary>What the sample bundles hold, read from the files themselves.</summary>
internal static class Samples
{
    /// <summary>Gets the ids of the Patient entries, in file order.</summary>
    public static IReadOnlyList<string> PatientIds(string sampleFile) =>
        [.. Resources(sampleFile).Where(r => r.Type == "Patient").Select(r => r.Id)];

    /// <summary>Gets every entry's resource type and id, in file order.</summary>
    public static IReadOnlyList<(string Type, string Id)> Resources(string sampleFile)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepoPaths.Sample(sampleFile)));
        return
        [
            .. document.RootElement.GetProperty("entry").EnumerateArray()
                .Select(e => e.GetProperty("resource"))
                .Select(r => (r.GetProperty("resourceType").GetString()!, r.GetProperty("id").GetString()!)),
        ];
    }
}
