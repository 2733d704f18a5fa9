using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace B12Cds.Service.Security;

/// <summary>Short-term memory of the <c>jti</c> values seen per issuer, so a token is accepted once; in memory, bounded, thread-safe.</summary>
/// <remarks>
/// An entry lives until the token's <c>exp</c> plus the clock skew, after which the token is refused as expired anyway. Expired entries are swept
/// at most once a minute, or at once when the cache is full; when it is still full, the new token is refused (fail closed). The bound is
/// approximate under concurrency (it may be exceeded by the number of threads registering at the same moment). A single instance is per process:
/// several replicas behind a load balancer each keep their own.
/// </remarks>
public sealed class JtiReplayCache
{
    private static readonly long SweepIntervalTicks = TimeSpan.FromMinutes(1).Ticks;

    private readonly ConcurrentDictionary<(string Issuer, string JwtId), long> _entries = new();
    private readonly Lock _sweepLock = new();
    private readonly int _capacity;
    private int _count;
    private long _nextSweepTicks;

    /// <summary>Creates the cache with <see cref="SecurityOptions.ReplayCacheCapacity"/> entries at most.</summary>
    public JtiReplayCache(IOptions<SecurityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _capacity = options.Value.ReplayCacheCapacity;
    }

    /// <summary>Gets the number of entries held (expired ones included until swept).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Records <paramref name="jwtId"/> of <paramref name="issuer"/> until <paramref name="expiresAt"/>, unless it is already held.</summary>
    /// <returns><see langword="null"/> when recorded (first use); <see cref="CdsTokenFailure.Replayed"/> or <see cref="CdsTokenFailure.ReplayCacheFull"/> otherwise.</returns>
    public CdsTokenFailure? TryRegister(string issuer, string jwtId, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(jwtId);

        var key = (issuer, jwtId);
        var nowTicks = now.UtcTicks;
        var expiresTicks = expiresAt.UtcTicks;
        Sweep(nowTicks, force: Count >= _capacity);

        while (true)
        {
            if (_entries.TryGetValue(key, out var heldUntil))
            {
                if (heldUntil > nowTicks)
                {
                    return CdsTokenFailure.Replayed;
                }

                if (_entries.TryUpdate(key, expiresTicks, heldUntil))
                {
                    return null;
                }

                continue;
            }

            if (Count >= _capacity)
            {
                return CdsTokenFailure.ReplayCacheFull;
            }

            if (_entries.TryAdd(key, expiresTicks))
            {
                Interlocked.Increment(ref _count);
                return null;
            }
        }
    }

    private void Sweep(long nowTicks, bool force)
    {
        if (!force && nowTicks < Interlocked.Read(ref _nextSweepTicks))
        {
            return;
        }

        // One sweeper at a time; the others go on without waiting.
        if (!_sweepLock.TryEnter())
        {
            return;
        }

        try
        {
            Interlocked.Exchange(ref _nextSweepTicks, nowTicks + SweepIntervalTicks);
            foreach (var entry in _entries)
            {
                if (entry.Value <= nowTicks && _entries.TryRemove(entry))
                {
                    Interlocked.Decrement(ref _count);
                }
            }
        }
        finally
        {
            _sweepLock.Exit();
        }
    }
}
