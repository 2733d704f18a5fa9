using Microsoft.Extensions.Options;

namespace B12Cds.Service.Security;

/// <summary>Wires request security: CDS Hooks JWT validation on <c>/cds-services/**</c> and <c>/fhir/**</c>, request-size limit and CORS.</summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>Registers the options (<c>B12Cds:Security</c>, validated at start), the JWK Set cache and its HTTP client, the replay cache, the validator and the request limits.</summary>
    public static IServiceCollection AddCdsHooksSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        services.AddHttpClient(JwksCache.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<SecurityOptions>>().Value.JwksFetchTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<JwksCache>();
        services.AddSingleton<JtiReplayCache>();
        services.AddSingleton<CdsHooksTokenValidator>();
        services.AddB12CdsRequestLimits();
        return services;
    }

    /// <summary>Adds CORS, the body-size limit and the JWT check to the pipeline, in that order.</summary>
    public static IApplicationBuilder UseCdsHooksSecurity(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseB12CdsRequestLimits();
        app.UseMiddleware<CdsHooksAuthenticationMiddleware>();
        return app;
    }
}
