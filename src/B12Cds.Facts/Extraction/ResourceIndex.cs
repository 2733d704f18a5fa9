using B12Cds.Fhir.Model;

namespace B12Cds.Facts.Extraction;

/// <summary>
/// Every resource of one input, found by <c>fullUrl</c> (<c>urn:uuid:</c> or absolute) and by <c>Type/id</c>, so
/// references resolve the way FHIR says: contained (<c>#id</c>), then the Bundle, relative to the referring entry's base.
/// </summary>
internal sealed class ResourceIndex
{
    private readonly Dictionary<string, InputEntry> _byFullUrl = new(StringComparer.Ordinal);

    /// <summary>Built on first use: most inputs' references resolve by <c>fullUrl</c>, and the keys are new strings.</summary>
    private Dictionary<string, InputEntry>? _byTypeAndId;

    public ResourceIndex(Resource root)
    {
        Collect(root, null, root.ResourceType);
    }

    /// <summary>Gets the resources in input order (Bundles flattened, nested Bundles included).</summary>
    public List<InputEntry> Entries { get; } = [];

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

        if (_byFullUrl.TryGetValue(literal, out var hit))
        {
            return hit;
        }

        var withoutHistory = StripHistory(literal);
        if (withoutHistory.Contains("://", StringComparison.Ordinal))
        {
            return _byFullUrl.TryGetValue(withoutHistory, out hit) ? hit : ByTypeAndId().GetValueOrDefault(TypeAndId(withoutHistory));
        }

        if (from.FullUrl is { } fullUrl && BaseOf(fullUrl) is { } baseUrl && _byFullUrl.TryGetValue(baseUrl + withoutHistory, out hit))
        {
            return hit;
        }

        return ByTypeAndId().GetValueOrDefault(withoutHistory);
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
                    Collect(r, bundle.Entry[i].FullUrl, $"{path}.entry[{i}].resource");
                }
            }

            return;
        }

        var entry = new InputEntry(resource, fullUrl, path);
        Entries.Add(entry);
        if (fullUrl is not null)
        {
            _byFullUrl.TryAdd(fullUrl, entry);
        }
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
