using B12Cds.Rules.Engine;
using B12Cds.Rules.Hosting;
using B12Cds.Service.Diagnostics;
using B12Cds.Service.Evaluation;
using B12Cds.Service.FhirApi;
using B12Cds.Service.Hooks;
using B12Cds.Service.Prefetch;
using B12Cds.Service.Security;
using B12Cds.Service.Storage;
using Microsoft.Extensions.Options;

namespace B12Cds.Service;

/// <summary>Wires the service: options, the hot-reloaded rule set, evaluation, storage, security and the endpoints.</summary>
public static class ServiceRegistration
{
    /// <summary>Registers the service's parts on <paramref name="builder"/>.</summary>
    public static WebApplicationBuilder AddB12CdsService(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ServiceOptions>().Bind(builder.Configuration.GetSection(ServiceOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ServiceOptions>>().Value;
            var folder = RulesLocator.Find(options.RulesDirectory)
                ?? throw new InvalidOperationException($"No rules folder found: set {ServiceOptions.Section}:RulesDirectory or {RulesLocator.EnvironmentVariable}.");
            return new RuleSetProvider(folder, sp.GetRequiredService<ILogger<RuleSetProvider>>(), sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<IRuleEngine>(RuleEngine.Instance);
        services.AddSingleton<PatientEvaluator>();
        services.AddSingleton<ServiceMetrics>();
        services.AddB12CdsStore();
        services.AddSingleton<CardHistoryCache>();
        services.AddSingleton<HookHandler>();
        services.AddSingleton<FeedbackHandler>();
        services.AddOpenApi();
        services.AddCdsHooksSecurity(builder.Configuration);
        services.AddB12CdsPrefetch(builder.Configuration);
        return builder;
    }

    /// <summary>Maps the service's endpoints on <paramref name="app"/>.</summary>
    public static WebApplication MapB12CdsService(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Load the rules at start, not on the first call: readiness reflects them from the beginning.
        _ = app.Services.GetRequiredService<RuleSetProvider>();
        app.UseCdsHooksSecurity();
        app.MapHealthEndpoints();
        app.MapOpenApi();
        app.MapCdsHooks();
        app.MapFhirApi();
        return app;
    }
}
