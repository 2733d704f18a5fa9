using System.Buffers;
using System.Text;
using System.Text.Json;
using B12Cds.Testing;

namespace B12Cds.LoadTest;

/// <summary>
/// One pre-serialised hook request (UTF-8 JSON) for one sample patient. The <c>hookInstance</c> is a placeholder
/// that <see cref="HookRequestContent"/> overwrites with a fresh UUID as the body is sent, so no request copies the body.
/// </summary>
/// <param name="Sample">The sample file name, without extension.</param>
/// <param name="PatientId">The <c>context.patientId</c>.</param>
/// <param name="Body">The request body.</param>
/// <param name="InstanceOffset">Where the 36 characters of the <c>hookInstance</c> UUID start in <paramref name="Body"/>.</param>
public sealed record HookRequestBody(string Sample, string PatientId, byte[] Body, int InstanceOffset);

/// <summary>The request bodies built once from the sample Bundles, one per sample, sent round-robin.</summary>
public sealed class RequestCorpus
{
    /// <summary>The placeholder written as the <c>hookInstance</c> and replaced in every request.</summary>
    public const string InstancePlaceholder = "00000000-0000-4000-8000-000000000000";

    /// <summary>The <c>context.userId</c> of every request.</summary>
    public const string UserId = "Practitioner/example";

    private readonly HookRequestBody[] _bodies;

    /// <summary>Creates a corpus over already built bodies.</summary>
    public RequestCorpus(IReadOnlyList<HookRequestBody> bodies)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        if (bodies.Count == 0)
        {
            throw new ArgumentException("At least one request body is needed.", nameof(bodies));
        }

        _bodies = [.. bodies];
    }

    /// <summary>Gets the bodies, one per sample.</summary>
    public IReadOnlyList<HookRequestBody> Bodies => _bodies;

    /// <summary>The body of request number <paramref name="index"/> (the samples in turn).</summary>
    public HookRequestBody BodyFor(int index) => _bodies[index % _bodies.Length];

    /// <summary>Builds one body per <c>*.json</c> Bundle in <paramref name="samplesDirectory"/>, for <paramref name="service"/>'s prefetch.</summary>
    public static RequestCorpus Load(string samplesDirectory, HookService service)
    {
        var files = Directory.GetFiles(samplesDirectory, "*.json").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            throw new FileNotFoundException($"No *.json sample Bundles in {samplesDirectory}.");
        }

        var bodies = new List<HookRequestBody>(files.Length);
        foreach (var file in files)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            bodies.Add(Build(Path.GetFileNameWithoutExtension(file), document.RootElement, service));
        }

        return new RequestCorpus(bodies);
    }

    /// <summary>
    /// Builds the request for one patient Bundle: the Bundle's resources grouped into <paramref name="service"/>'s
    /// prefetch keys by resource type (a read template gets the subject Patient itself, a search template a
    /// searchset Bundle, a key with no resources null).
    /// </summary>
    public static HookRequestBody Build(string sample, JsonElement bundle, HookService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var entries = new List<(string? FullUrl, JsonElement Resource, string Type)>();
        if (bundle.TryGetProperty("resourceType", out var rt) && rt.ValueEquals("Bundle"))
        {
            if (bundle.TryGetProperty("entry", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in list.EnumerateArray())
                {
                    if (entry.TryGetProperty("resource", out var resource) && resource.TryGetProperty("resourceType", out var type))
                    {
                        var fullUrl = entry.TryGetProperty("fullUrl", out var u) ? u.GetString() : null;
                        entries.Add((fullUrl, resource, type.GetString() ?? string.Empty));
                    }
                }
            }
        }
        else if (bundle.TryGetProperty("resourceType", out var single))
        {
            entries.Add((null, bundle, single.GetString() ?? string.Empty));
        }

        // As an EHR's FHIR API returns them: references between entries by urn:uuid become relative Type/id
        // references (a read of the Patient carries no fullUrl, so a urn:uuid subject would resolve to nothing).
        var relative = entries
            .Where(e => e.FullUrl?.StartsWith("urn:uuid:", StringComparison.Ordinal) == true && e.Resource.TryGetProperty("id", out _))
            .ToDictionary(e => e.FullUrl!, e => $"{e.Type}/{e.Resource.GetProperty("id").GetString()}", StringComparer.Ordinal);

        var subject = FindSubject(entries, bundle)
            ?? throw new InvalidDataException($"Sample '{sample}' has no Patient resource.");
        var patientId = subject.Resource.TryGetProperty("id", out var pid) ? pid.GetString() ?? string.Empty : string.Empty;

        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("hook", service.Hook);
            writer.WriteString("hookInstance", InstancePlaceholder);
            writer.WriteStartObject("context");
            writer.WriteString("userId", UserId);
            writer.WriteString("patientId", patientId);
            writer.WriteEndObject();
            writer.WriteStartObject("prefetch");
            foreach (var template in service.Prefetch)
            {
                writer.WritePropertyName(template.Key);
                var isPatient = string.Equals(template.ResourceType, "Patient", StringComparison.Ordinal);

                // A Patient query is about the subject only (messy-ehr.json carries a second Patient on purpose).
                var matches = isPatient
                    ? [subject]
                    : entries.Where(e => string.Equals(e.Type, template.ResourceType, StringComparison.Ordinal)).ToList();
                if (template.IsRead)
                {
                    if (matches.Count == 0)
                    {
                        writer.WriteNullValue();
                    }
                    else
                    {
                        WriteResource(writer, matches[0].Resource, relative);
                    }

                    continue;
                }

                if (matches.Count == 0)
                {
                    writer.WriteNullValue();
                    continue;
                }

                writer.WriteStartObject();
                writer.WriteString("resourceType", "Bundle");
                writer.WriteString("type", "searchset");
                writer.WriteNumber("total", matches.Count);
                writer.WriteStartArray("entry");
                foreach (var match in matches)
                {
                    writer.WriteStartObject();
                    if (match.FullUrl is not null)
                    {
                        writer.WriteString("fullUrl", relative.TryGetValue(match.FullUrl, out var reference) ? EhrReferences.EhrBase + reference : match.FullUrl);
                    }

                    writer.WritePropertyName("resource");
                    WriteResource(writer, match.Resource, relative);
                    writer.WriteStartObject("search");
                    writer.WriteString("mode", "match");
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        var body = buffer.WrittenSpan.ToArray();
        var offset = body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(InstancePlaceholder));
        return new HookRequestBody(sample, patientId, body, offset);
    }

    /// <summary>Writes <paramref name="resource"/> with each <c>urn:uuid:</c> reference in <paramref name="relative"/> replaced.</summary>
    private static void WriteResource(Utf8JsonWriter writer, JsonElement resource, Dictionary<string, string> relative)
    {
        if (relative.Count == 0)
        {
            resource.WriteTo(writer);
            return;
        }

        var node = System.Text.Json.Nodes.JsonNode.Parse(resource.GetRawText())!;
        EhrReferences.Rewrite(node, relative);
        node.WriteTo(writer);
    }

    /// <summary>The subject Patient: the one the other entries reference most (the first Patient on a tie).</summary>
    private static (string? FullUrl, JsonElement Resource, string Type)? FindSubject(
        List<(string? FullUrl, JsonElement Resource, string Type)> entries, JsonElement bundle)
    {
        var patients = entries.Where(e => string.Equals(e.Type, "Patient", StringComparison.Ordinal)).ToList();
        if (patients.Count <= 1)
        {
            return patients.Count == 0 ? null : patients[0];
        }

        var references = new Dictionary<string, int>(StringComparer.Ordinal);
        CountReferences(bundle, references);
        return patients
            .Select((p, order) => (Patient: p, Order: order, Count: ReferenceCount(p, references)))
            .OrderByDescending(x => x.Count)
            .ThenBy(x => x.Order)
            .First().Patient;
    }

    private static int ReferenceCount((string? FullUrl, JsonElement Resource, string Type) patient, Dictionary<string, int> references)
    {
        var count = 0;
        if (patient.FullUrl is not null && references.TryGetValue(patient.FullUrl, out var byUrl))
        {
            count += byUrl;
        }

        if (patient.Resource.TryGetProperty("id", out var id) && references.TryGetValue("Patient/" + id.GetString(), out var byId))
        {
            count += byId;
        }

        return count;
    }

    private static void CountReferences(JsonElement element, Dictionary<string, int> references)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("reference") && property.Value.ValueKind == JsonValueKind.String)
                    {
                        var value = property.Value.GetString()!;
                        references[value] = references.GetValueOrDefault(value) + 1;
                    }
                    else
                    {
                        CountReferences(property.Value, references);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CountReferences(item, references);
                }

                break;
            default:
                break;
        }
    }
}
