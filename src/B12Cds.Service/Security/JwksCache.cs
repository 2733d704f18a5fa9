using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace B12Cds.Service.Security;

/// <summary>Issuers' JWK Sets, fetched on first use, cached, refetched when stale or when a token names an unknown <c>kid</c> (key rotation).</summary>
/// <remarks>
/// Refetches of one URL are rate-limited by <see cref="SecurityOptions.JwksMinimumRefreshInterval"/> and done by one caller at a time; a failed
/// refetch keeps the last good keys. Only URLs the caller took from configuration are fetched: the validator never passes an arbitrary <c>jku</c>.
/// Symmetric (<c>oct</c>) keys and keys not meant for signatures are dropped. Thread-safe.
/// </remarks>
public sealed class JwksCache
{
    /// <summary>The name of the <see cref="HttpClient"/> used for fetches (<see cref="IHttpClientFactory"/>).</summary>
    public const string HttpClientName = "B12Cds.Jwks";

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly SecurityOptions _options;
    private readonly ILogger<JwksCache> _logger;

    /// <summary>Creates the cache.</summary>
    public JwksCache(IHttpClientFactory httpClientFactory, IOptions<SecurityOptions> options, ILogger<JwksCache> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Finds the signing key <paramref name="keyId"/> in the JWK Set at <paramref name="jwksUrl"/>, fetching the set when needed.</summary>
    /// <param name="jwksUrl">A JWK Set URL from configuration (never one taken unchecked from a token).</param>
    /// <param name="keyId">The token's <c>kid</c>.</param>
    /// <param name="now">The current time, which decides whether the cached set is stale.</param>
    /// <param name="cancellationToken">Cancels the wait (a fetch already under way completes for the next caller).</param>
    public async ValueTask<JwksLookup> FindKeyAsync(string jwksUrl, string keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(jwksUrl);
        ArgumentNullException.ThrowIfNull(keyId);

        var entry = _entries.GetOrAdd(jwksUrl, static _ => new Entry());
        if (!NeedsFetch(entry, keyId, now))
        {
            return Lookup(entry.Keys, keyId);
        }

        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have fetched while this one waited.
            if (NeedsFetch(entry, keyId, now))
            {
                await FetchAsync(entry, jwksUrl, now).ConfigureAwait(false);
            }
        }
        finally
        {
            entry.Gate.Release();
        }

        return Lookup(entry.Keys, keyId);
    }

    private bool NeedsFetch(Entry entry, string keyId, DateTimeOffset now)
    {
        if (entry.LastAttempt is not { } lastAttempt)
        {
            return true;
        }

        if (now - lastAttempt < _options.JwksMinimumRefreshInterval)
        {
            return false;
        }

        return entry.Keys is not { } keys || !keys.Keys.ContainsKey(keyId) || now - keys.FetchedAt >= _options.JwksCacheDuration;
    }

    private static JwksLookup Lookup(KeySet? keys, string keyId) =>
        keys is null ? new(null, CdsTokenFailure.KeysUnavailable)
        : keys.Keys.TryGetValue(keyId, out var key) ? new(key, null)
        : new(null, CdsTokenFailure.UnknownKey);

    private async Task FetchAsync(Entry entry, string jwksUrl, DateTimeOffset now)
    {
        // The request's own cancellation is not used: other callers wait on this fetch.
        using var timeout = new CancellationTokenSource(_options.JwksFetchTimeout);
        try
        {
            using var client = _httpClientFactory.CreateClient(HttpClientName);
            client.MaxResponseContentBufferSize = _options.JwksMaxResponseBytes;
            using var response = await client.GetAsync(new Uri(jwksUrl, UriKind.Absolute), HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                SecurityLog.JwksFetchFailed(_logger, jwksUrl, $"HTTP {(int)response.StatusCode}", entry.Keys is not null);
                return;
            }

            var json = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            var keys = ReadSigningKeys(json);
            entry.Keys = new KeySet(keys, now);
            SecurityLog.JwksFetched(_logger, jwksUrl, keys.Count);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or ArgumentException or System.Text.Json.JsonException or InvalidOperationException)
        {
            SecurityLog.JwksFetchFailed(_logger, jwksUrl, ex.GetType().Name, entry.Keys is not null);
        }
        finally
        {
            entry.LastAttempt = now;
        }
    }

    private static FrozenDictionary<string, JsonWebKey> ReadSigningKeys(string json)
    {
        var set = new JsonWebKeySet(json);
        var keys = new Dictionary<string, JsonWebKey>(StringComparer.Ordinal);
        foreach (var key in set.Keys)
        {
            var usable = !string.IsNullOrEmpty(key.Kid)
                && (key.Kty == JsonWebAlgorithmsKeyTypes.RSA || key.Kty == JsonWebAlgorithmsKeyTypes.EllipticCurve)
                && (string.IsNullOrEmpty(key.Use) || key.Use == JsonWebKeyUseNames.Sig);
            if (usable)
            {
                keys.TryAdd(key.Kid, key);
            }
        }

        return keys.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed record KeySet(FrozenDictionary<string, JsonWebKey> Keys, DateTimeOffset FetchedAt);

    private sealed class Entry
    {
        private KeySet? _keys;
        private long _lastAttemptTicks = -1;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public KeySet? Keys
        {
            get => Volatile.Read(ref _keys);
            set => Volatile.Write(ref _keys, value);
        }

        public DateTimeOffset? LastAttempt
        {
            get => Interlocked.Read(ref _lastAttemptTicks) is var ticks and >= 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
            set => Interlocked.Exchange(ref _lastAttemptTicks, value?.UtcTicks ?? -1);
        }
    }
}
