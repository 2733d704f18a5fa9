using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace B12Cds.Service.Tests.Infrastructure;

/// <summary>
/// Sets the caller's address before anything else runs, as Kestrel would: TestServer leaves it empty, which the
/// security middleware (rightly) does not treat as loopback.
/// </summary>
internal sealed class CallerAddressStartupFilter(Func<IPAddress> address) : IStartupFilter
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
