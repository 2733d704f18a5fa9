using B12Cds.Storage;
using Microsoft.Extensions.Options;

namespace B12Cds.Service.Storage;

/// <summary>
/// The store behind feedback, suppressions and the audit trail: SQLite in <see cref="ServiceOptions.DataDirectory"/>
/// (created on first start) unless <see cref="ServiceOptions.PostgresConnectionString"/> names a PostgreSQL database.
/// The schema is created or migrated before the service takes calls; audit records are written in the background.
/// </summary>
internal static class StoreRegistration
{
    public static IServiceCollection AddB12CdsStore(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ServiceOptions>>().Value;
            var folder = Path.GetFullPath(options.DataDirectory, sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
            return CdsStoreFactory.Create(folder, NonEmpty(options.PostgresConnectionString), sp.GetRequiredService<TimeProvider>());
        });
        services.AddHostedService<StoreInitializer>();
        services.AddSingleton(sp => new AuditWriter(
            sp.GetRequiredService<ICdsStore>(),
            sp.GetRequiredService<ILogger<AuditWriter>>(),
            timeProvider: sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService(sp => sp.GetRequiredService<AuditWriter>());
        return services;
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>Creates or migrates the schema at start, before the server listens (hosted services start first).</summary>
    private sealed class StoreInitializer(ICdsStore store) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
