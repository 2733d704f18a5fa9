using B12Cds.Service.Security;
using Options = Microsoft.Extensions.Options.Options;

namespace B12Cds.Service.Tests.Security;

public sealed class JtiReplayCacheTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private static JtiReplayCache Create(int capacity) => new(Options.Create(new SecurityOptions { ReplayCacheCapacity = capacity }));

    [Fact]
    public void TryRegister_SecondUseBeforeExpiry_IsReplayed()
    {
        var cache = Create(10);

        Assert.Null(cache.TryRegister("iss", "j", Now.AddMinutes(5), Now));
        Assert.Equal(CdsTokenFailure.Replayed, cache.TryRegister("iss", "j", Now.AddMinutes(5), Now.AddMinutes(4)));
    }

    [Fact]
    public void TryRegister_AfterTheEntryExpired_IsAcceptedAgain()
    {
        var cache = Create(10);
        cache.TryRegister("iss", "j", Now.AddMinutes(5), Now);

        Assert.Null(cache.TryRegister("iss", "j", Now.AddMinutes(15), Now.AddMinutes(6)));
    }

    [Fact]
    public void TryRegister_FullOfUnexpiredEntries_FailsClosed()
    {
        var cache = Create(3);
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(cache.TryRegister("iss", $"j{i}", Now.AddMinutes(5), Now));
        }

        Assert.Equal(CdsTokenFailure.ReplayCacheFull, cache.TryRegister("iss", "j3", Now.AddMinutes(5), Now));
        Assert.Equal(CdsTokenFailure.Replayed, cache.TryRegister("iss", "j0", Now.AddMinutes(5), Now));
    }

    [Fact]
    public void TryRegister_FullButExpired_EvictsAndAccepts()
    {
        var cache = Create(3);
        for (var i = 0; i < 3; i++)
        {
            cache.TryRegister("iss", $"j{i}", Now.AddMinutes(1), Now);
        }

        Assert.Null(cache.TryRegister("iss", "j3", Now.AddMinutes(10), Now.AddMinutes(2)));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void TryRegister_ExpiredEntries_AreSweptOverTime()
    {
        var cache = Create(1000);
        for (var i = 0; i < 100; i++)
        {
            cache.TryRegister("iss", $"j{i}", Now.AddMinutes(1), Now);
        }

        cache.TryRegister("iss", "late", Now.AddMinutes(30), Now.AddMinutes(5));

        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task TryRegister_ConcurrentUsesOfOneJti_AcceptExactlyOne()
    {
        var cache = Create(10_000);

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => cache.TryRegister("iss", "race", Now.AddMinutes(5), Now))));

        Assert.Single(results, r => r is null);
        Assert.Equal(63, results.Count(r => r == CdsTokenFailure.Replayed));
    }
}
