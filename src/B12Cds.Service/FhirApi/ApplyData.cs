using System.Text.Json;
using B12Cds.Fhir.Model;

namespace B12Cds.Service.FhirApi;

/// <summary>
/// The resources of a <c>data</c> Bundle (nested Bundles flattened) and which of them belong to the subject: its
/// Patient, and every resource whose subject or patient is that Patient or is not given. These are the Provenance's
/// <c>source</c> entities; another patient's resources are left out, as the evaluation leaves them out.
/// </summary>
internal sealed class ApplyData
{
    private readonly List<(Resource Resource, string? FullUrl)> _entries = [];

    /// <summary>Initializes a new instance of the <see cref="ApplyData"/> class.</summary>
    public ApplyData(Bundle data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Add(data, depth: 0);
    }

    /// <summary>Gets the ids of the Patient resources in the data, in order.</summary>
    public IReadOnlyList<string> PatientIds =>
        [.. _entries.Where(e => e.Resource is Patient { Id: not null }).Select(e => e.Resource.Id!).Distinct(StringComparer.Ordinal)];

    /// <summary>Gets references to the readable resources of the subject's record, each once, in input order: <c>Type/id</c>, else the entry's <c>fullUrl</c>.</summary>
    public IReadOnlyList<Reference> SourcesFor(string patientId)
    {
        var own = new HashSet<string>(StringComparer.Ordinal) { $"Patient/{patientId}" };
        own.UnionWith(_entries.Where(e => e.Resource is Patient p && p.Id == patientId && e.FullUrl is not null).Select(e => e.FullUrl!));
        var otherPatients = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (resource, fullUrl) in _entries)
        {
            if (resource is Patient p && p.Id != patientId)
            {
                otherPatients.Add($"Patient/{p.Id}");
                if (fullUrl is not null)
                {
                    otherPatients.Add(fullUrl);
                }
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sources = new List<Reference>();
        foreach (var (resource, fullUrl) in _entries)
        {
            if (resource is InvalidResource || (resource is Patient patient && patient.Id != patientId) || IsOtherPatients(resource, patientId, own, otherPatients))
            {
                continue;
            }

            var reference = IdOf(resource) is { } id ? $"{resource.ResourceType}/{id}" : fullUrl;
            if (reference is not null && seen.Add(reference))
            {
                sources.Add(new Reference { ReferenceValue = reference, Type = resource.ResourceType });
            }
        }

        return sources;
    }

    private static bool IsOtherPatients(Resource resource, string patientId, HashSet<string> own, HashSet<string> otherPatients)
    {
        var subject = PatientReferences.SubjectOf(resource);
        var target = subject?.ReferenceValue;
        if (target is null || own.Contains(target) || target.EndsWith($"/Patient/{patientId}", StringComparison.Ordinal))
        {
            return false;
        }

        return otherPatients.Contains(target) || target.StartsWith("Patient/", StringComparison.Ordinal) || target.Contains("/Patient/", StringComparison.Ordinal);
    }

    private static string? IdOf(Resource resource) => resource switch
    {
        OtherResource other when other.Json.ValueKind == JsonValueKind.Object
            && other.Json.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String => id.GetString(),
        _ => resource.Id,
    };

    private void Add(Bundle bundle, int depth)
    {
        foreach (var entry in bundle.Entry)
        {
            switch (entry.Resource)
            {
                case Bundle nested when depth < 8:
                    Add(nested, depth + 1);
                    break;
                case { } resource:
                    _entries.Add((resource, entry.FullUrl));
                    break;
            }
        }
    }
}
