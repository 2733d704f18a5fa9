using System.Net;
using System.Net.Http.Headers;
using System.Text;
using B12Cds.Service.Tests.Infrastructure;
using B12Cds.Service.Tests.Security;
using Microsoft.AspNetCore.Mvc.Testing;

namespace B12Cds.Service.Tests.Hooks;

/// <summary>The hook endpoints outside Development: a signed JWT whose audience is the service called is required.</summary>
public sealed class SignedHookTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string PatientView = "/cds-services/b12-patient-view";

    private static HttpRequestMessage Call(string path, string? token)
    {
        var request = SecurityTestHost.Request(HttpMethod.Post, path, token, new StringContent(HookRequests.FromSample("pernicious-anaemia-neuro.json").ToJsonString(), Encoding.UTF8, "application/json"));
        return request;
    }

    [Fact]
    public async Task A_signed_call_for_this_service_is_answered()
    {
        var host = new SecurityTestHost();
        using var client = host.Build(factory).CreateClient();

        using var response = await client.SendAsync(Call(PatientView, host.Token(PatientView).Sign(host.Keys.Rsa)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("{\"cards\":[", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_for_another_service_or_none_is_401_without_detail()
    {
        var host = new SecurityTestHost();
        using var client = host.Build(factory).CreateClient();

        using var otherAudience = await client.SendAsync(Call(PatientView, host.Token("/cds-services/b12-order-sign").Sign(host.Keys.Rsa)));
        using var unsigned = await client.SendAsync(Call(PatientView, null));
        using var discovery = await client.GetAsync(new Uri("/cds-services", UriKind.Relative));

        foreach (var response in new[] { otherAudience, unsigned, discovery })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(new AuthenticationHeaderValue("Bearer"), response.Headers.WwwAuthenticate.Single());
            Assert.Empty(await response.Content.ReadAsStringAsync());
        }
    }
}
