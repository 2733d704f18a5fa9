using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using B12Cds.Service.Tests.Infrastructure;

namespace B12Cds.Service.Tests;

/// <summary>For tests of other endpoints: makes TestServer calls come from loopback, so in Development (WebApplicationFactory's default) they need no JWT.</summary>
internal static class LoopbackCallerExtensions
{
    /// <summary>Returns a factory whose calls appear to come from 127.0.0.1 (TestServer otherwise sets no remote address, which is not loopback).</summary>
    public static WebApplicationFactory<Program> WithLoopbackCaller(this WebApplicationFactory<Program> factory) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new CallerAddressStartupFilter(() => IPAddress.Loopback))));
}
