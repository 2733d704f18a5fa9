using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace B12Cds.Service.Tests.Security;

public sealed class LoopbackCallerExtensionsTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task WithLoopbackCaller_DefaultEnvironment_UnsignedCallsPassTheSecurityCheck()
    {
        using var client = factory.WithLoopbackCaller()
            .WithWebHostBuilder(b => b.UseSetting("B12Cds:RulesDirectory", RepoPaths.Rules))
            .CreateClient();

        using var response = await client.GetAsync(new Uri("/cds-services/not-mapped-here", UriKind.Relative));

        // Past the JWT check, routing finds nothing.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
