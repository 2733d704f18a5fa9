using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace B12Cds.Service.Tests.Security;

/// <summary>The same rules over a real Kestrel socket on 127.0.0.1 (port 0): a real remote address, Kestrel's own body limit.</summary>
public sealed class KestrelSecurityTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Development_UnsignedCallOverRealLoopback_IsAllowed()
    {
        await using var server = Start(new SecurityTestHost { Environment = "Development" });
        using var client = server.CreateClient();

        using var response = await client.PostAsync(new Uri(SecurityTestHost.ProbePath, UriKind.Relative), content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("probe:unsigned", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Production_SignedCall_AudienceIsTheRealAddress()
    {
        var host = new SecurityTestHost();
        await using var server = Start(host);
        using var client = server.CreateClient();
        var audience = new Uri(client.BaseAddress!, SecurityTestHost.ProbePath).AbsoluteUri;

        using var unsigned = await client.PostAsync(new Uri(SecurityTestHost.ProbePath, UriKind.Relative), content: null);
        using var signed = await client.SendAsync(SecurityTestHost.Request(HttpMethod.Post, SecurityTestHost.ProbePath,
            host.Token().With("aud", audience).Sign(host.Keys.Rsa)));

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
    }

    [Fact]
    public async Task Development_ChunkedBodyOverTheLimit_Is413()
    {
        var host = new SecurityTestHost { Environment = "Development", Settings = { ["B12Cds:MaxRequestBodyBytes"] = "1024" } };
        await using var server = Start(host);
        using var client = server.CreateClient();
        using var content = new StreamContent(new UnseekableStream(new byte[64 * 1024]));
        using var request = SecurityTestHost.Request(HttpMethod.Post, SecurityTestHost.ProbePath, content: content);
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private WebApplicationFactory<Program> Start(SecurityTestHost host)
    {
        var server = host.Build(factory);
        server.UseKestrel(0);
        server.StartServer();
        return server;
    }
}
