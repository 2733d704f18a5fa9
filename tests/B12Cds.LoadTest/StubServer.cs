using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace B12Cds.LoadTest;

/// <summary>
/// A stand-in for the service, for <c>--self-test</c>: Kestrel on loopback answering discovery (the same prefetch
/// keys as the real service), <c>/health/ready</c>, and hook calls with a fixed small card response. Every hook call
/// is checked (hook, a fresh UUID hookInstance, the patient in context and prefetch, each prefetch key holding only
/// its resource type); a call that fails a check gets 400.
/// </summary>
public sealed class StubServer : IAsyncDisposable
{
    /// <summary>The service id the stub's discovery lists.</summary>
    public const string ServiceId = "b12-patient-view";

    /// <summary>The fixed hook response.</summary>
    public const string CardsResponse = """{"cards":[{"uuid":"7b0b5f3e-4c1a-4e59-9d0b-3c1f2a6e8d11","summary":"Stub card","indicator":"info","source":{"label":"B12 CDS load-test stub"}}]}""";

    /// <summary>The discovery document, with the prefetch templates the real service publishes.</summary>
    public static readonly string DiscoveryJson = """
        {"services":[
          {"hook":"order-sign","id":"b12-order-sign","title":"B12 order sign","description":"stub","prefetch":{"patient":"Patient/{{context.patientId}}"}},
          {"hook":"patient-view","id":"b12-patient-view","title":"B12 patient view","description":"stub","prefetch":{
            "patient":"Patient/{{context.patientId}}",
            "labs":"Observation?patient={{context.patientId}}&category=laboratory",
            "conditions":"Condition?patient={{context.patientId}}",
            "medicationRequests":"MedicationRequest?patient={{context.patientId}}",
            "medicationStatements":"MedicationStatement?patient={{context.patientId}}",
            "medicationAdministrations":"MedicationAdministration?patient={{context.patientId}}",
            "procedures":"Procedure?patient={{context.patientId}}",
            "allergies":"AllergyIntolerance?patient={{context.patientId}}"}}
        ]}
        """;

    private static readonly byte[] CardsBytes = System.Text.Encoding.UTF8.GetBytes(CardsResponse);
    private static readonly byte[] DiscoveryBytes = System.Text.Encoding.UTF8.GetBytes(DiscoveryJson);

    private readonly WebApplication _app;
    private readonly HookService _service;
    private readonly ConcurrentDictionary<Guid, byte> _instances = new();
    private readonly ConcurrentDictionary<string, int> _patients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _rejections = new(StringComparer.Ordinal);
    private int _calls;

    private StubServer(WebApplication app)
    {
        _app = app;
        _service = HookService.Select(HookService.ParseDiscovery(DiscoveryBytes), "patient-view", ServiceId);
    }

    /// <summary>Gets the base address, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Gets the number of hook calls received.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Gets the number of distinct hookInstance values received.</summary>
    public int DistinctInstances => _instances.Count;

    /// <summary>Gets the calls per patient id.</summary>
    public IReadOnlyDictionary<string, int> Patients => _patients;

    /// <summary>Gets the rejected calls by reason.</summary>
    public IReadOnlyDictionary<string, int> Rejections => _rejections;

    /// <summary>Starts a stub on <paramref name="url"/> (port 0: a free port).</summary>
    public static async Task<StubServer> StartAsync(string url = "http://127.0.0.1:0", CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        var stub = new StubServer(app);
        app.MapGet("/cds-services", context => Write(context, 200, DiscoveryBytes));
        app.MapGet("/health/ready", context => Write(context, 200, """{"status":"ready"}"""u8.ToArray()));
        app.MapPost("/cds-services/{id}", stub.HookAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return stub;
    }

    /// <summary>Runs a stub until the process is stopped (the hidden <c>stub-server --urls URL</c> command the self-test starts as a child).</summary>
    public static async Task<int> RunStandaloneAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var index = Array.IndexOf(args, "--urls");
        var url = index >= 0 && index + 1 < args.Length ? args[index + 1] : "http://127.0.0.1:0";
        await using var stub = await StartAsync(url).ConfigureAwait(false);
        await stub._app.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static Task Write(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, 0, body.Length, context.RequestAborted);
    }

    private async Task HookAsync(HttpContext context)
    {
        Interlocked.Increment(ref _calls);
        string? problem;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
            problem = context.Request.RouteValues["id"] as string == _service.Id ? Check(document.RootElement) : "unknown service id";
        }
        catch (JsonException)
        {
            problem = "body is not JSON";
        }

        if (problem is not null)
        {
            _rejections.AddOrUpdate(problem, 1, (_, n) => n + 1);
            await Write(context, 400, JsonSerializer.SerializeToUtf8Bytes(problem)).ConfigureAwait(false);
            return;
        }

        await Write(context, 200, CardsBytes).ConfigureAwait(false);
    }

    /// <summary>What is wrong with a hook request, or null when it is as the CDS Hooks specification and the discovery ask.</summary>
    private string? Check(JsonElement request)
    {
        if (!request.TryGetProperty("hook", out var hook) || !hook.ValueEquals(_service.Hook))
        {
            return "hook is not patient-view";
        }

        if (!request.TryGetProperty("hookInstance", out var instance) || !Guid.TryParseExact(instance.GetString(), "D", out var id))
        {
            return "hookInstance is not a UUID";
        }

        if (id == Guid.Parse(RequestCorpus.InstancePlaceholder) || !_instances.TryAdd(id, 0))
        {
            return "hookInstance repeated";
        }

        if (!request.TryGetProperty("context", out var context)
            || !context.TryGetProperty("patientId", out var patient) || patient.GetString() is not { Length: > 0 } patientId
            || !context.TryGetProperty("userId", out var user) || user.ValueKind != JsonValueKind.String)
        {
            return "context lacks patientId or userId";
        }

        if (!request.TryGetProperty("prefetch", out var prefetch) || prefetch.ValueKind != JsonValueKind.Object)
        {
            return "no prefetch object";
        }

        foreach (var template in _service.Prefetch)
        {
            if (!prefetch.TryGetProperty(template.Key, out var value))
            {
                return $"prefetch lacks '{template.Key}'";
            }

            if (value.ValueKind == JsonValueKind.Null)
            {
                if (template.IsRead)
                {
                    return $"prefetch '{template.Key}' is null";
                }

                continue;
            }

            if (template.IsRead)
            {
                if (!HasType(value, template.ResourceType) || !value.TryGetProperty("id", out var rid) || rid.GetString() != patientId)
                {
                    return $"prefetch '{template.Key}' is not the context patient";
                }

                continue;
            }

            if (!HasType(value, "Bundle") || !value.TryGetProperty("type", out var type) || !type.ValueEquals("searchset")
                || !value.TryGetProperty("entry", out var entries) || entries.GetArrayLength() == 0)
            {
                return $"prefetch '{template.Key}' is not a non-empty searchset Bundle";
            }

            foreach (var entry in entries.EnumerateArray())
            {
                if (!entry.TryGetProperty("resource", out var resource) || !HasType(resource, template.ResourceType))
                {
                    return $"prefetch '{template.Key}' holds a resource that is not a {template.ResourceType}";
                }
            }
        }

        _patients.AddOrUpdate(patientId, 1, (_, n) => n + 1);
        return null;
    }

    private static bool HasType(JsonElement resource, string type) =>
        resource.ValueKind == JsonValueKind.Object && resource.TryGetProperty("resourceType", out var t) && t.ValueEquals(type);
}
