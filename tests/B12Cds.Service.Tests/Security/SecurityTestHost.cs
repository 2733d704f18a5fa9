using B12Cds.Service.Tests.Infrastructure;
using System.Net;
using System.Text.Json;
using B12Cds.Service.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace B12Cds.Service.Tests.Security;

/// <summary>
/// The real host for security tests: environment, caller address, JWKS stub, clock and captured logs chosen by the test, plus a probe endpoint
/// at <c>/cds-services/__probe/check</c> (and <c>/fhir/__probe</c>; paths no service route matches) that runs after the service's pipeline and echoes the authenticated issuer.
/// </summary>
/// <remarks>
/// TestServer leaves <c>Connection.RemoteIpAddress</c> null, which the service treats as not loopback; <see cref="RemoteAddress"/> sets it
/// explicitly through <see cref="CallerAddressStartupFilter"/>, which runs before the service's middleware.
/// </remarks>
internal sealed class SecurityTestHost
{
    public const string ProbePath = "/cds-services/__probe/check";
    public const string FhirProbePath = "/fhir/__probe";
    public const string JsonProbePath = "/cds-services/__json-probe/check";

    public string Environment { get; init; } = "Production";

    /// <summary>Gets the address the caller appears to come from; <see langword="null"/> leaves TestServer's default.</summary>
    public IPAddress? RemoteAddress { get; init; }

    public ValidatorHarness Keys { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    public WebApplicationFactory<Program> Build(WebApplicationFactory<Program> factory) => factory.WithWebHostBuilder(builder =>
    {
        builder.UseEnvironment(Environment);
        builder.UseTestDefaults();
        builder.UseSetting("Logging:LogLevel:Default", "Trace");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
        var issuers = Keys.Options.TrustedIssuers;
        for (var i = 0; i < issuers.Count; i++)
        {
            builder.UseSetting($"B12Cds:Security:TrustedIssuers:{i}:Issuer", issuers[i].Issuer);
            builder.UseSetting($"B12Cds:Security:TrustedIssuers:{i}:JwksUrl", issuers[i].JwksUrl);
            for (var j = 0; j < issuers[i].Tenants.Count; j++)
            {
                builder.UseSetting($"B12Cds:Security:TrustedIssuers:{i}:Tenants:{j}", issuers[i].Tenants[j]);
            }
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Keys.Time);
            services.AddHttpClient(JwksCache.HttpClientName).ConfigurePrimaryHttpMessageHandler(Keys.Jwks.Forwarder);
            if (RemoteAddress is { } address)
            {
                services.AddSingleton<IStartupFilter>(new CallerAddressStartupFilter(() => address));
            }

            services.AddSingleton<IStartupFilter>(new ProbeStartupFilter());
        });
    });

    /// <summary>A token for the probe endpoint on TestServer's base address.</summary>
    public TokenBuilder Token(string path = ProbePath) =>
        new(ValidatorHarness.Issuer, "http://localhost" + path, Keys.Time.GetUtcNow());

    public static HttpRequestMessage Request(HttpMethod method, string path, string? token = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        return request;
    }

    private sealed class ProbeStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);

            // A minimal-API endpoint binding a JSON body, as the hook endpoints do.
            app.UseRouting();
            app.UseEndpoints(endpoints => endpoints.MapPost(JsonProbePath, (JsonElement body) => TypedResults.Ok(body.ValueKind.ToString())));

            // Runs only when the service's own pipeline did not answer: after its security middleware.
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path != ProbePath && context.Request.Path != FhirProbePath)
                {
                    await nextMiddleware(context);
                    return;
                }

                await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
                await context.Response.WriteAsync("probe:" + (context.GetCdsCaller()?.Issuer ?? "unsigned"), context.RequestAborted);
            });
        };
    }
}
