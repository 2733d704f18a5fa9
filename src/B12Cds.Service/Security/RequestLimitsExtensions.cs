using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace B12Cds.Service.Security;

/// <summary>Request-size limit and CORS for configured EHR origins, from <see cref="ServiceOptions.MaxRequestBodyBytes"/> and <see cref="ServiceOptions.AllowedOrigins"/>.</summary>
public static class RequestLimitsExtensions
{
    private static readonly string[] AllowedMethods = ["GET", "POST"];
    private static readonly string[] AllowedHeaders = ["Authorization", "Content-Type"];

    /// <summary>Registers the body-size limit (Kestrel and per request) and the CORS policy; no origin is allowed unless configured.</summary>
    public static IServiceCollection AddB12CdsRequestLimits(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IValidateOptions<ServiceOptions>, RequestLimitsOptionsValidator>();
        services.AddOptions<ServiceOptions>().ValidateOnStart();
        services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<ServiceOptions>>((kestrel, options) => kestrel.Limits.MaxRequestBodySize = options.Value.MaxRequestBodyBytes);
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<ServiceOptions>>((cors, options) => cors.AddDefaultPolicy(policy =>
        {
            // Bearer tokens travel in a header, not cookies: no credentials, no exposed headers, no wildcard.
            if (options.Value.AllowedOrigins.Count > 0)
            {
                policy.WithOrigins([.. options.Value.AllowedOrigins.Select(o => o.TrimEnd('/'))])
                    .WithMethods(AllowedMethods)
                    .WithHeaders(AllowedHeaders)
                    .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
            }
        }));
        return services;
    }

    /// <summary>Adds CORS, then the body-size limit, to the pipeline (CORS first, so a browser can read a <c>413</c> or <c>401</c>).</summary>
    public static IApplicationBuilder UseB12CdsRequestLimits(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseCors();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        return app;
    }
}
