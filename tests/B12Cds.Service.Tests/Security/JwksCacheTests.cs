using B12Cds.Service.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Tokens;
using static B12Cds.Service.Tests.Security.ValidatorHarness;
using Options = Microsoft.Extensions.Options.Options;

namespace B12Cds.Service.Tests.Security;

public sealed class JwksCacheTests
{
    private readonly ValidatorHarness _h = new();

    [Fact]
    public async Task ValidateAsync_KeysAreFetchedOnceAndCached()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.True((await _h.ValidateAsync(_h.Token().Sign(_h.Rsa))).Succeeded);
            _h.Time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(1, _h.Jwks.Requests(JwksUrl));
    }

    [Fact]
    public async Task ValidateAsync_UnknownKid_RefetchesAndAcceptsTheRotatedKey()
    {
        Assert.True((await _h.ValidateAsync(_h.Token().Sign(_h.Rsa))).Succeeded);
        var next = TestSigningKey.Rsa("rsa-2026-04");
        _h.Jwks.Publish(JwksUrl, _h.Rsa, next);
        _h.Time.Advance(TimeSpan.FromMinutes(2));

        var result = await _h.ValidateAsync(_h.Token().Sign(next));

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal(2, _h.Jwks.Requests(JwksUrl));
    }

    [Fact]
    public async Task ValidateAsync_UnknownKidAgainWithinTheMinimumInterval_DoesNotRefetch()
    {
        Assert.True((await _h.ValidateAsync(_h.Token().Sign(_h.Rsa))).Succeeded);
        var stranger = TestSigningKey.Rsa("nobody-knows");

        var first = await _h.ValidateAsync(_h.Token().Sign(stranger));
        var second = await _h.ValidateAsync(_h.Token().Sign(stranger));
        _h.Time.Advance(TimeSpan.FromSeconds(61));
        var later = await _h.ValidateAsync(_h.Token().Sign(stranger));

        Assert.Equal(CdsTokenFailure.UnknownKey, first.Failure);
        Assert.Equal(CdsTokenFailure.UnknownKey, second.Failure);
        Assert.Equal(CdsTokenFailure.UnknownKey, later.Failure);
        Assert.Equal(2, _h.Jwks.Requests(JwksUrl));
    }

    [Fact]
    public async Task ValidateAsync_StaleKeysAndEndpointDown_KeepsTheLastGoodKeys()
    {
        Assert.True((await _h.ValidateAsync(_h.Token().Sign(_h.Rsa))).Succeeded);
        _h.Jwks.Down = true;
        _h.Time.Advance(TimeSpan.FromHours(2));

        var result = await _h.ValidateAsync(_h.Token().Sign(_h.Ec, SecurityAlgorithms.EcdsaSha384));

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal(2, _h.Jwks.Requests(JwksUrl));
    }

    [Fact]
    public async Task ValidateAsync_StaleKeys_AreRefetchedAndARemovedKeyIsRefused()
    {
        Assert.True((await _h.ValidateAsync(_h.Token().Sign(_h.Rsa))).Succeeded);
        _h.Jwks.Publish(JwksUrl, _h.Ec);
        _h.Time.Advance(TimeSpan.FromMinutes(16));

        var result = await _h.ValidateAsync(_h.Token().Sign(_h.Rsa));

        Assert.Equal(CdsTokenFailure.UnknownKey, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_EndpointNeverReachable_IsKeysUnavailableAndRetriedAfterTheInterval()
    {
        _h.Jwks.Down = true;

        var first = await _h.ValidateAsync(_h.Token().Sign(_h.Rsa));
        var soon = await _h.ValidateAsync(_h.Token().Sign(_h.Rsa));
        _h.Jwks.Down = false;
        _h.Time.Advance(TimeSpan.FromMinutes(1));
        var recovered = await _h.ValidateAsync(_h.Token().Sign(_h.Rsa));

        Assert.Equal(CdsTokenFailure.KeysUnavailable, first.Failure);
        Assert.Equal(CdsTokenFailure.KeysUnavailable, soon.Failure);
        Assert.True(recovered.Succeeded, recovered.Failure?.ToString());
        Assert.Equal(2, _h.Jwks.Requests(JwksUrl));
    }

    [Fact]
    public async Task ValidateAsync_KeySetIsNotJson_IsKeysUnavailable()
    {
        _h.Jwks.PublishJson(JwksUrl, "<html>maintenance</html>");

        var result = await _h.ValidateAsync(_h.Token().Sign(_h.Rsa));

        Assert.Equal(CdsTokenFailure.KeysUnavailable, result.Failure);
    }

    [Fact]
    public async Task FindKeyAsync_ManyConcurrentCallersOnAColdCache_FetchOnce()
    {
        var cache = new JwksCache(_h.Jwks.ClientFactory(), Options.Create(_h.Options), NullLogger<JwksCache>.Instance);
        var now = _h.Time.GetUtcNow();

        var lookups = await Task.WhenAll(Enumerable.Range(0, 32)
            .Select(_ => Task.Run(async () => await cache.FindKeyAsync(JwksUrl, _h.Rsa.KeyId, now, CancellationToken.None))));

        Assert.All(lookups, l => Assert.NotNull(l.Key));
        Assert.Equal(1, _h.Jwks.Requests(JwksUrl));
    }
}
