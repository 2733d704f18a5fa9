using B12Cds.Service.Tests.Infrastructure;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace B12Cds.Service.Tests;

public sealed class HealthTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Live_and_ready_answer_once_the_shipped_rules_are_loaded()
    {
        using var client = factory.WithWebHostBuilder(b => b.UseTestDefaults()).CreateClient();

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"ruleSetVersion\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
