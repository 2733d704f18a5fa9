using System.Text.Json;

namespace B12Cds.LoadTest;

/// <summary>One prefetch template of a discovered service, with the FHIR resource type it asks for.</summary>
/// <param name="Key">The prefetch key.</param>
/// <param name="Template">The query template, e.g. <c>Observation?patient={{context.patientId}}</c>.</param>
/// <param name="ResourceType">The part of the template before the first <c>?</c> or <c>/</c>.</param>
/// <param name="IsRead">True for a read (<c>Patient/{{context.patientId}}</c>): the value is the resource itself, not a searchset Bundle.</param>
public sealed record PrefetchTemplate(string Key, string Template, string ResourceType, bool IsRead)
{
    /// <summary>Reads a template: the resource type and whether it is a read or a search.</summary>
    public static PrefetchTemplate Parse(string key, string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var path = template.TrimStart('/');
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var pathPart = query < 0 ? path : path[..query];
        var slash = pathPart.IndexOf('/', StringComparison.Ordinal);
        var type = slash < 0 ? pathPart : pathPart[..slash];
        return new PrefetchTemplate(key, template, type, query < 0 && slash > 0);
    }
}

/// <summary>A CDS service from the discovery document (only what the load tool needs).</summary>
/// <param name="Id">The service id (the hook endpoint is <c>cds-services/{id}</c>).</param>
/// <param name="Hook">The hook, e.g. <c>patient-view</c>.</param>
/// <param name="Prefetch">The prefetch templates, in the order of the discovery document.</param>
public sealed record HookService(string Id, string Hook, IReadOnlyList<PrefetchTemplate> Prefetch)
{
    /// <summary>Reads the services of a discovery document (<c>GET {base}/cds-services</c>).</summary>
    public static IReadOnlyList<HookService> ParseDiscovery(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        if (!document.RootElement.TryGetProperty("services", out var services) || services.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("The discovery document has no 'services' array.");
        }

        var result = new List<HookService>();
        foreach (var service in services.EnumerateArray())
        {
            var id = service.TryGetProperty("id", out var i) ? i.GetString() : null;
            var hook = service.TryGetProperty("hook", out var h) ? h.GetString() : null;
            if (id is null || hook is null)
            {
                continue;
            }

            var templates = new List<PrefetchTemplate>();
            if (service.TryGetProperty("prefetch", out var prefetch) && prefetch.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in prefetch.EnumerateObject())
                {
                    if (p.Value.ValueKind == JsonValueKind.String)
                    {
                        templates.Add(PrefetchTemplate.Parse(p.Name, p.Value.GetString()!));
                    }
                }
            }

            result.Add(new HookService(id, hook, templates));
        }

        return result;
    }

    /// <summary>Picks the service to load: the one named <paramref name="id"/>, else the first for <paramref name="hook"/>.</summary>
    public static HookService Select(IReadOnlyList<HookService> services, string hook, string? id)
    {
        ArgumentNullException.ThrowIfNull(services);
        var match = id is null
            ? services.FirstOrDefault(s => s.Hook == hook)
            : services.FirstOrDefault(s => s.Id == id);
        return match ?? throw new InvalidOperationException(id is null
            ? $"The discovery document lists no '{hook}' service (services: {string.Join(", ", services.Select(s => $"{s.Id} ({s.Hook})"))})."
            : $"The discovery document lists no service '{id}'.");
    }
}
