using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace B12Cds.Service.Tests.Prefetch;

/// <summary>A stand-in for an EHR's FHIR server: a real Kestrel server on loopback, answering with a handler the test gives, and recording what it was sent.</summary>
internal sealed class FhirStandIn : IAsyncDisposable
{
    private const string WarmUpPath = "/__warm-up";
    private readonly WebApplication _app;

    private FhirStandIn(WebApplication app, Uri origin)
    {
        _app = app;
        Origin = origin;
    }

    /// <summary>Gets the server's origin, e.g. http://127.0.0.1:54321.</summary>
    public Uri Origin { get; }

    /// <summary>Gets the FHIR base URL (the origin plus /fhir/).</summary>
    public Uri Base => new(Origin, "/fhir/");

    /// <summary>Gets every request received, in order.</summary>
    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public int RequestCount => Requests.Count;

    public static async Task<FhirStandIn> StartAsync(Func<HttpContext, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FhirStandIn? self = null;
        app.Run(async context =>
        {
            if (context.Request.Path == WarmUpPath)
            {
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }

            self!.Requests.Enqueue(new SeenRequest(
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.Authorization.ToString(),
                context.Request.Headers.Accept.ToString()));
            await handler(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new FhirStandIn(app, new Uri(address));

        // One request first, unrecorded, so that start-up costs do not eat into the tests' short timeouts.
        using var warmUp = new HttpClient();
        using var _ = await warmUp.GetAsync(new Uri(self.Origin, WarmUpPath));
        return self;
    }

    /// <summary>Writes a FHIR JSON body.</summary>
    public static async Task WriteJson(HttpContext context, string json, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/fhir+json";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed record SeenRequest(string PathAndQuery, string Authorization, string Accept);
}
