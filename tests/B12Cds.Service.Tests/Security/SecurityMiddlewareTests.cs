using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace B12Cds.Service.Tests.Security;

public sealed class SecurityMiddlewareTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private static readonly IPAddress Loopback = IPAddress.Loopback;
    private static readonly IPAddress Remote = IPAddress.Parse("10.20.30.40");

    [Fact]
    public async Task Production_NoToken_Is401WithoutDetail()
    {
        using var client = new SecurityTestHost().Build(factory).CreateClient();

        using var response = await client.SendAsync(SecurityTestHost.Request(HttpMethod.Post, SecurityTestHost.ProbePath));

        await AssertBare401Async(response);
    }

    [Fact]
    public async Task Production_ValidToken_ReachesTheEndpointWithTheCaller()
    {
        var host = new SecurityTestHost();
        using var client = host.Build(factory).CreateClient();

        using var response = await client.SendAsync(SecurityTestHost.Request(HttpMethod.Post, SecurityTestHost.ProbePath, host.Token().Sign(host.Keys.Rsa)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("probe:" + ValidatorHarness.Issuer, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Production_FhirPath_IsProtectedToo()
    {
        var host = new SecurityTestHost();
        using var client = host.Build(factory).CreateClient();

        using var refused = await client.SendAsync(SecurityTestHost.Request(HttpMethod.Get, SecurityTestHost.FhirProbePath));
        using var accepted = await client.SendAsync(SecurityTestHost.Request(HttpMethod.Get, SecurityTestHost.FhirProbePath,
            host.Token(SecurityTestHost.FhirProbePath).Sign(host.Keys.Ec, SecurityAlgorithms.EcdsaSha384)));

        await AssertBare401Async(refused);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Production_TokenForAnotherEndpoint_Is401()
    {
        var host = new SecurityTestHost();
        using var client = host.Build(factory).CreateClient();

        using var response = await client.SendAsync(SecurityTestHost.Request(HttpMethod.Post, SecurityTestHost.ProbePath,
            host.Token("/cds-services/other").Sign(host.Keys.Rsa)));

        await AssertBare401Async(response);
    }

    [Fact]
    public async Task Production_AudienceIsThePublicBaseUrlWhenConfigured()
    {
        var host = new SecurityTestHost { Settings = { ["B12Cds:PublicBaseUrl"] = "https://cds.example.org/b12/" } };
        using var client = host.Build(factory).CreateClient();
        var token = host.Token().With("aud", "https://cds.example.org/b12" + SecurityTestHost.ProbePath).Sign(host.Keys.Rsa);

        using var accepted = await client.SendAsync(SecurityTestHost.Request(HttpMethod.Post, SecurityTestHost.ProbePath, token));
        using var refused = await client.SendAsync(SecurityTestHost.Request(HttpMethod.Post, SecurityTestHost.ProbePath, host.Token().Sign(host.Keys.Rsa)));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await AssertBare401Async(refused);
    }

    [Fact]
    public async Task Production_ExpiredToken_Is401AndOthersAreStillServed()
    {
        var host = new SecurityTestHost();
        using var client = host.Build(factory).CreateClient();
        var now = host.Keys.Time.GetUtcNow();
        var expired = host.Token().With("iat", now.AddMinutes(-10)).With("exp", now.AddMinutes(-5)).Sign(host.Keys.Rsa);

        using var refused = await client.SendAsync(SecurityTestHost.Request(HttpMethod.Post, SecurityTestHost.ProbePath, expired));
        using var served = await client.SendAsync(SecurityTestHost.Request(HttpMethod.Post, SecurityTestHost.ProbePath, host.Token().Sign(host.Keys.Rsa)));

        await AssertBare401Async(refused);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 5001 && e.Level == LogLevel.Information && e.Text.Contains("Expired", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Production_ReplayedToken_FirstIs200SecondIs401()
    {
        var host = new SecurityTestHost();
        using var client = host.Build(factory).CreateClient();
        var token = host.Token().Sign(host.Keys.Rsa);

        using var first = await client.SendAsync(SecurityTestHost.Request(HttpMethod.Post, SecurityTestHost.ProbePath, token));
        using var second = await client.SendAsync(SecurityTestHost.Request(HttpMethod.Post, SecurityTestHost.ProbePath, token));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await AssertBare401Async(second);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer not.a.jwt")]
    public async Task Production_BadAuthorizationHeader_Is401(string header)
    {
        using var client = new SecurityTestHost().Build(factory).CreateClient();
        using var request = SecurityTestHost.Request(HttpMethod.Post, SecurityTestHost.ProbePath);
        request.Headers.TryAddWithoutValidation("Authorization", header);

        using var response = await client.SendAsync(request);

        await AssertBare401Async(response);
    }

    [Fact]
    public async Task Production_UnknownCdsServicesPath_Is401BeforeRouting()
    {
        using var client = new SecurityTestHost().Build(factory).CreateClient();

        using var response = await client.GetAsync(new Uri("/cds-services/does-not-exist", UriKind.Relative));

        await AssertBare401Async(response);
    }

    [Fact]
    public async Task Production_HealthNeedsNoToken()
    {
        using var client = new SecurityTestHost().Build(factory).CreateClient();

        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Production_UnsignedFromLoopback_Is401()
    {
        using var client = new SecurityTestHost { RemoteAddress = Loopback }.Build(factory).CreateClient();

        using var response = await client.SendAsync(SecurityTestHost.Request(HttpMethod.Post, SecurityTestHost.ProbePath));

        await AssertBare401Async(response);
    }

    [Fact]
    public async Task Development_UnsignedFromLoopback_IsAllowed()
    {
        using var client = new SecurityTestHost { Environment = "Development", RemoteAddress = Loopback }.Build(factory).CreateClient();

        using var v4 = await client.SendAsync(SecurityTestHost.Request(HttpMethod.Post, SecurityTestHost.ProbePath));

        Assert.Equal(HttpStatusCode.OK, v4.StatusCode);
        Assert.Equal("probe:unsigned", await v4.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Development_UnsignedFromIpv6Loopback_IsAllowed()
    {
        using var client = new SecurityTestHost { Environment = "Development", RemoteAddress = IPAddress.IPv6Loopback }.Build(factory).CreateClient();

        using var response = await client.SendAsync(SecurityTestHost.Request(HttpMethod.Post, SecurityTestHost.ProbePath));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Development_UnsignedFromAnotherMachine_Is401()
    {
        using var client = new SecurityTestHost { Environment = "Development", RemoteAddress = Remote }.Build(factory).CreateClient();

        using var response = await client.SendAsync(SecurityTestHost.Request(HttpMethod.Post, SecurityTestHost.ProbePath));

        await AssertBare401Async(response);
    }

    [Fact]
    public async Task Development_UnsignedWithTestServersDefaultAddress_Is401()
    {
        // TestServer sets no remote address; a missing address is not loopback.
        using var client = new SecurityTestHost { Environment = "Development" }.Build(factory).CreateClient();

        using var response = await client.SendAsync(SecurityTestHost.Request(HttpMethod.Post, SecurityTestHost.ProbePath));

        await AssertBare401Async(response);
    }

    [Fact]
    public async Task Development_LoopbackWithABadToken_IsStillValidated()
    {
        var host = new SecurityTestHost { Environment = "Development", RemoteAddress = Loopback };
        using var client = host.Build(factory).CreateClient();

        using var response = await client.SendAsync(SecurityTestHost.Request(HttpMethod.Post, SecurityTestHost.ProbePath, host.Token().Unsigned()));

        await AssertBare401Async(response);
    }

    [Fact]
    public async Task Body_DeclaredOverTheLimit_Is413WithAReason()
    {
        var host = new SecurityTestHost { Environment = "Development", RemoteAddress = Loopback, Settings = { ["B12Cds:MaxRequestBodyBytes"] = "1024" } };
        using var client = host.Build(factory).CreateClient();

        using var response = await client.SendAsync(SecurityTestHost.Request(HttpMethod.Post, SecurityTestHost.ProbePath, content: new ByteArrayContent(new byte[2048])));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"resourceType\":\"OperationOutcome\"", body, StringComparison.Ordinal);
        Assert.Contains("FHIR007", body, StringComparison.Ordinal);
        Assert.Contains("1024 bytes", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_ChunkedOverTheLimit_Is413()
    {
        var host = new SecurityTestHost { Environment = "Development", RemoteAddress = Loopback, Settings = { ["B12Cds:MaxRequestBodyBytes"] = "1024" } };
        using var client = host.Build(factory).CreateClient();
        using var content = new StreamContent(new UnseekableStream(new byte[4096]));
        using var request = SecurityTestHost.Request(HttpMethod.Post, SecurityTestHost.ProbePath, content: content);
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Body_ChunkedOverTheLimitIntoAMinimalApiJsonBody_Is413()
    {
        var host = new SecurityTestHost { Environment = "Development", RemoteAddress = Loopback, Settings = { ["B12Cds:MaxRequestBodyBytes"] = "1024" } };
        using var client = host.Build(factory).CreateClient();
        var json = "[" + string.Join(',', Enumerable.Repeat("\"padding\"", 400)) + "]";
        using var content = new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new("application/json");
        using var request = SecurityTestHost.Request(HttpMethod.Post, SecurityTestHost.JsonProbePath, content: content);
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Body_SmallJsonIntoAMinimalApiJsonBody_IsServed()
    {
        var host = new SecurityTestHost { Environment = "Development", RemoteAddress = Loopback, Settings = { ["B12Cds:MaxRequestBodyBytes"] = "1024" } };
        using var client = host.Build(factory).CreateClient();

        using var response = await client.SendAsync(SecurityTestHost.Request(HttpMethod.Post, SecurityTestHost.JsonProbePath,
            content: new StringContent("{\"a\":1}", Encoding.UTF8, "application/json")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Body_WithinTheLimit_IsServed()
    {
        var host = new SecurityTestHost { Environment = "Development", RemoteAddress = Loopback, Settings = { ["B12Cds:MaxRequestBodyBytes"] = "1024" } };
        using var client = host.Build(factory).CreateClient();

        using var response = await client.SendAsync(SecurityTestHost.Request(HttpMethod.Post, SecurityTestHost.ProbePath, content: new StringContent("{}", Encoding.UTF8, "application/json")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Cors_PreflightFromAnAllowedOrigin_AllowsAuthorizationAndContentType()
    {
        var host = new SecurityTestHost { Settings = { ["B12Cds:AllowedOrigins:0"] = "https://ehr.example.org" } };
        using var client = host.Build(factory).CreateClient();

        using var response = await client.SendAsync(Preflight("https://ehr.example.org"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("https://ehr.example.org", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var allowed = string.Join(',', response.Headers.GetValues("Access-Control-Allow-Headers"));
        Assert.Contains("Authorization", allowed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Content-Type", allowed, StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Cors_OtherOriginsAndTheDefault_AreNotAllowed()
    {
        var configured = new SecurityTestHost { Settings = { ["B12Cds:AllowedOrigins:0"] = "https://ehr.example.org" } };
        using var configuredClient = configured.Build(factory).CreateClient();
        using var defaultClient = new SecurityTestHost().Build(factory).CreateClient();

        using var other = await configuredClient.SendAsync(Preflight("https://evil.example.net"));
        using var byDefault = await defaultClient.SendAsync(Preflight("https://ehr.example.org"));

        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(byDefault.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Cors_ActualCallFromAnAllowedOrigin_CarriesTheHeaderEvenOn401()
    {
        var host = new SecurityTestHost { Settings = { ["B12Cds:AllowedOrigins:0"] = "https://ehr.example.org" } };
        using var client = host.Build(factory).CreateClient();
        using var request = SecurityTestHost.Request(HttpMethod.Post, SecurityTestHost.ProbePath);
        request.Headers.Add("Origin", "https://ehr.example.org");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("https://ehr.example.org", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task Logs_NeverContainTheToken()
    {
        var host = new SecurityTestHost();
        using var client = host.Build(factory).CreateClient();
        var now = host.Keys.Time.GetUtcNow();
        var good = host.Token().Sign(host.Keys.Rsa);
        var tokens = new[]
        {
            good,
            good,
            host.Token().With("iat", now.AddMinutes(-10)).With("exp", now.AddMinutes(-5)).Sign(host.Keys.Rsa),
            host.Token().With("iss", "https://evil.example.net").Sign(host.Keys.Rsa),
            host.Token().Sign(TestSigningKey.Rsa(host.Keys.Rsa.KeyId)),
            host.Token().Unsigned(),
        };

        foreach (var token in tokens)
        {
            using var response = await client.SendAsync(SecurityTestHost.Request(HttpMethod.Post, SecurityTestHost.ProbePath, token));
        }

        var logs = host.Logs.Entries;
        Assert.Contains(logs, e => e.EventId.Id == 5001);
        Assert.Contains(logs, e => e.EventId.Id == 5002);
        foreach (var token in tokens)
        {
            var parts = token.Split('.');
            Assert.DoesNotContain(logs, e => e.Text.Contains(parts[1], StringComparison.Ordinal));
            Assert.DoesNotContain(logs, e => parts[2].Length > 0 && e.Text.Contains(parts[2], StringComparison.Ordinal));
        }
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = SecurityTestHost.Request(HttpMethod.Options, SecurityTestHost.ProbePath);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }

    private static async Task AssertBare401Async(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }
}
