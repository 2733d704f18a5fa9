using B12Cds.Service.Tests.Infrastructure;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace B12Cds.Service.Tests.Security;

public sealed class LoopbackCallerExtensionsTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task WithLoopbackCaller_DefaultEnvironment_UnsignedCallsPassTheSecurityCheck()
    {
        using var client = factory.WithLoopbackCaller()
            .WithWebHostBuilder(b => b.UseTestDefaults())
            .CreateClient();

        using var response = await client.GetAsync(new Uri("/cds-services", UriKind.Relative));

        // Past the JWT check: discovery answers.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
