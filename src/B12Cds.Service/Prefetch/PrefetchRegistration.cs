using System.Net;

namespace B12Cds.Service.Prefetch;

/// <summary>Registers prefetch: its options (validated at start), the per-server pipelines, the FHIR HTTP client and the resolver.</summary>
public static class PrefetchRegistration
{
    /// <summary>Adds prefetch to <paramref name="services"/>, with options from <c>B12Cds:Prefetch</c>.</summary>
    public static IServiceCollection AddB12CdsPrefetch(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PrefetchOptions>()
            .Bind(configuration.GetSection(PrefetchOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<FhirServerPipelines>();
        services.AddSingleton<PrefetchResolver>();
        services.AddSingleton<PrefetchTemplateProvider>();
        services.AddHttpClient(PrefetchResolver.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // A redirect could carry the request, and so the token, to another server: never followed.
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })

            // The default HTTP client logs print request URLs, and FHIR search URLs hold patient ids.
            .RemoveAllLoggers();
        return services;
    }
}
