using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace B12Cds.Service.Tests.Infrastructure;

/// <summary>
/// The real service host over the shipped rules, with its own SQLite file in a temp folder (deleted on dispose), the
/// Development environment, calls arriving from loopback (so unsigned calls are allowed, as for a local trial), and a
/// clock that reads the samples' evaluation date.
/// </summary>
public class ServiceFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "b12cds-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>Gets the service's clock: the samples' evaluation date, at real speed; advance it to move time on.</summary>
    public ShiftedTimeProvider Clock { get; } = new(ShiftedTimeProvider.SampleDate);

    /// <summary>Gets settings added to the host's configuration (e.g. <c>B12Cds:Deadline</c>).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Gets or sets a value indicating whether calls appear to come from loopback (true) or from another host.</summary>
    public bool FromLoopback { get; set; } = true;

    /// <summary>Gets or sets the host environment name.</summary>
    public string Environment { get; set; } = "Development";

    /// <summary>Waits until the audit records queued so far (and the cards they show) are in the store.</summary>
    public Task FlushAuditAsync() => Services.GetRequiredService<B12Cds.Storage.AuditWriter>().FlushAsync(CancellationToken.None);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("B12Cds:RulesDirectory", RepoPaths.Rules);
        builder.UseSetting("B12Cds:DataDirectory", _dataDirectory);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(() => FromLoopback ? IPAddress.Loopback : IPAddress.Parse("203.0.113.7")));
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataDirectory))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    /// <summary>TestServer leaves the caller's address empty: set it first, as Kestrel would.</summary>
    private sealed class RemoteAddressFilter(Func<IPAddress> address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address();
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
