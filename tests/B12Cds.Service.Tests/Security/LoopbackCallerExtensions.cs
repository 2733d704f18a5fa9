using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace B12Cds.Service.Tests;

/// <summary>For tests of other endpoints: makes TestServer calls come from loopback, so in Development (WebApplicationFactory's default) they need no JWT.</summary>
internal static class LoopbackCallerExtensions
{
    /// <summary>Returns a factory whose calls appear to come from 127.0.0.1 (TestServer otherwise sets no remote address, which is not loopback).</summary>
    public static WebApplicationFactory<Program> WithLoopbackCaller(this WebApplicationFactory<Program> factory) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, LoopbackStartupFilter>()));

    private sealed class LoopbackStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
