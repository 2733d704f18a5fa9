namespace B12Cds.Service.Security;

/// <summary>How calls are authenticated (configuration section <c>B12Cds:Security</c>; environment variables <c>B12Cds__Security__Name</c>).</summary>
/// <remarks>
/// Every call to <c>/cds-services/**</c> and <c>/fhir/**</c> carries a CDS Hooks JWT signed by a trusted issuer. The one exception: in the
/// <c>Development</c> environment, a call from loopback without an <c>Authorization</c> header is let through, so a local trial needs no keys.
/// </remarks>
public sealed class SecurityOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string Section = "B12Cds:Security";

    /// <summary>Gets the EHRs allowed to call (the <c>iss</c> allowlist); none by default, so outside Development every call is refused until one is configured.</summary>
    public IList<TrustedIssuerOptions> TrustedIssuers { get; } = [];

    /// <summary>Gets or sets the clock difference tolerated on <c>exp</c>, <c>nbf</c> and <c>iat</c>.</summary>
    /// <value>30 seconds; at most 5 minutes.</value>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the longest lifetime (<c>exp</c> − <c>iat</c>) a token may have; a longer-lived token is refused.</summary>
    /// <value>1 hour, the replay-storage bound the CDS Hooks best practices recommend. Seen <c>jti</c> values are kept this long (plus the skew), so it also bounds the replay cache.</value>
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets how long a fetched JWK Set is used before it is fetched again (a key removed by the issuer stops being accepted after at most this long).</summary>
    /// <value>15 minutes.</value>
    public TimeSpan JwksCacheDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets the shortest time between two fetches of the same JWK Set: a token with an unknown <c>kid</c> (key rotation) triggers a refetch at most this often, and so does a failed fetch.</summary>
    /// <value>1 minute.</value>
    public TimeSpan JwksMinimumRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets how long a JWK Set fetch may take.</summary>
    /// <value>3 seconds.</value>
    public TimeSpan JwksFetchTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Gets or sets the largest JWK Set document accepted, in bytes.</summary>
    /// <value>256 KiB.</value>
    public int JwksMaxResponseBytes { get; set; } = 256 * 1024;

    /// <summary>Gets or sets how many unexpired <c>jti</c> values the replay cache holds; when it is full of unexpired entries, new tokens are refused rather than risk a replay.</summary>
    /// <value>200,000 (a sustained 55 calls per second with 1-hour tokens).</value>
    public int ReplayCacheCapacity { get; set; } = 200_000;
}
