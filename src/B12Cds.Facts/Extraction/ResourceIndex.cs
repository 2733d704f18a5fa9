using B12Cds.Fhir.Model;

namespace B12Cds.Facts.Extraction;

/// <summary>
/// Every resource of one input, found by <c>fullUrl</c> (<c>urn:uuid:</c> or absolute) and by <c>Type/id</c>, so
/// references resolve the way FHIR says: contained (<c>#id</c>), then the Bundle, relative to the referring entry's base.
/// </summary>
internal sealed class ResourceIndex
{
    /// <summary>The most entries of a top-level Bundle whose paths are kept (<see cref="EntryPath"/>).</summary>
    private const int KeptPaths = 1024;

    /// <summary>The paths of a top-level Bundle's entries (<c>Bundle.entry[3].resource</c>), made once and shared by every input.</summary>
    private static readonly string?[] BundleEntryPaths = new string?[KeptPaths];

    /// <summary>Built on first use: the subject of most resources is found without it (see <see cref="ExtractionRun"/>).</summary>
    private Dictionary<string, InputEntry>? _byFullUrl;

    /// <summary>Built on first use: most inputs' references resolve by <c>fullUrl</c>, and the keys are new strings.</summary>
    private Dictionary<string, InputEntry>? _byTypeAndId;

    public ResourceIndex(Resource root)
    {
        Entries = new List<InputEntry>(root is Bundle bundle ? bundle.Entry.Count : 1);
        Collect(root, null, root.ResourceType);
    }

    /// <summary>Gets the resources in input order (Bundles flattened, nested Bundles included).</summary>
    public List<InputEntry> Entries { get; }

    /// <summary>Resolves a reference made by <paramref name="from"/>; null when it resolves nowhere.</summary>
    public InputEntry? Resolve(Reference? reference, InputEntry from)
    {
        var literal = reference?.ReferenceValue;
        if (string.IsNullOrWhiteSpace(literal))
        {
            return null;
        }

        if (literal.StartsWith('#'))
        {
            return ResolveContained(literal[1..], from);
        }

        var byFullUrl = ByFullUrl();
        if (byFullUrl.TryGetValue(literal, out var hit))
        {
            return hit;
        }

        var withoutHistory = StripHistory(literal);
        if (withoutHistory.Contains("://", StringComparison.Ordinal))
        {
            return byFullUrl.TryGetValue(withoutHistory, out hit) ? hit : ByTypeAndId().GetValueOrDefault(TypeAndId(withoutHistory));
        }

        if (from.FullUrl is { } fullUrl && BaseOf(fullUrl) is { } baseUrl && byFullUrl.TryGetValue(baseUrl + withoutHistory, out hit))
        {
            return hit;
        }

        return ByTypeAndId().GetValueOrDefault(withoutHistory);
    }

    /// <summary>Gets the resources by <c>fullUrl</c>, the first of each in input order.</summary>
    private Dictionary<string, InputEntry> ByFullUrl()
    {
        if (_byFullUrl is null)
        {
            _byFullUrl = new Dictionary<string, InputEntry>(Entries.Count, StringComparer.Ordinal);
            foreach (var entry in Entries)
            {
                if (entry.FullUrl is { } fullUrl)
                {
                    _byFullUrl.TryAdd(fullUrl, entry);
                }
            }
        }

        return _byFullUrl;
    }

    /// <summary>Gets the resources by <c>Type/id</c>, the first of each in input order.</summary>
    private Dictionary<string, InputEntry> ByTypeAndId()
    {
        if (_byTypeAndId is null)
        {
            _byTypeAndId = new Dictionary<string, InputEntry>(Entries.Count, StringComparer.Ordinal);
            foreach (var entry in Entries)
            {
                if (entry.Resource.Id is not null)
                {
                    _byTypeAndId.TryAdd($"{entry.Resource.ResourceType}/{entry.Resource.Id}", entry);
                }
            }
        }

        return _byTypeAndId;
    }

    private static InputEntry? ResolveContained(string id, InputEntry from)
    {
        if (from.Resource is not DomainResource domain)
        {
            return null;
        }

        for (var i = 0; i < domain.Contained.Count; i++)
        {
            if (string.Equals(domain.Contained[i].Id, id, StringComparison.Ordinal))
            {
                return new InputEntry(domain.Contained[i], null, $"{from.Path}.contained[{i}]");
            }
        }

        return null;
    }

    private void Collect(Resource resource, string? fullUrl, string path)
    {
        if (resource is Bundle bundle)
        {
            for (var i = 0; i < bundle.Entry.Count; i++)
            {
                if (bundle.Entry[i].Resource is { } r)
                {
                    Collect(r, bundle.Entry[i].FullUrl, EntryPath(path, i));
                }
            }

            return;
        }

        Entries.Add(new InputEntry(resource, fullUrl, path));
    }

    /// <summary>Gets the path of a Bundle's entry: for a top-level Bundle's first entries, a string made once.</summary>
    private static string EntryPath(string bundlePath, int index)
    {
        if (index >= KeptPaths || !string.Equals(bundlePath, nameof(Bundle), StringComparison.Ordinal))
        {
            return $"{bundlePath}.entry[{index}].resource";
        }

        // Two threads may both make a path; either string does, and a reference is written whole.
        return BundleEntryPaths[index] ??= $"{nameof(Bundle)}.entry[{index}].resource";
    }

    private static string StripHistory(string reference)
    {
        var i = reference.IndexOf("/_history/", StringComparison.Ordinal);
        return i < 0 ? reference : reference[..i];
    }

    private static string TypeAndId(string absolute)
    {
        var parts = absolute.TrimEnd('/').Split('/');
        return parts.Length >= 2 ? $"{parts[^2]}/{parts[^1]}" : absolute;
    }

    private static string? BaseOf(string fullUrl)
    {
        if (!fullUrl.Contains("://", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = fullUrl.TrimEnd('/').Split('/');
        return parts.Length > 2 ? string.Join('/', parts[..^2]) + "/" : null;
    }
}
