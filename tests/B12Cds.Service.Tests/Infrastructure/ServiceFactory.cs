using System.Net;
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
        builder.UseTestDefaults();
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter>(new CallerAddressStartupFilter(() => FromLoopback ? IPAddress.Loopback : IPAddress.Parse("203.0.113.7")));
        });
    }
}
