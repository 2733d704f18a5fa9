using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace B12Cds.Service.Security;

/// <summary>Validates a CDS Hooks 2.0 JWT against the best-practice list; bad tokens give a reason, never an exception.</summary>
/// <remarks>
/// Checks, cheapest first: compact signed JWT; <c>alg</c> RS*/PS*/ES* (never <c>none</c> or HMAC); <c>typ</c> = <c>JWT</c>; <c>kid</c> present;
/// <c>iss</c> trusted; <c>jku</c> (if any) allowlisted for that issuer; <c>aud</c> (string or array) contains the endpoint URL; <c>exp</c> not
/// passed, <c>nbf</c> and <c>iat</c> not in the future (all within the clock skew); <c>exp</c> − <c>iat</c> within the maximum lifetime;
/// <c>tenant</c> allowlisted when the issuer lists tenants; <c>jti</c> present; then the signature against the issuer's JWK Set; last, the
/// <c>jti</c> is recorded, so only a fully valid token uses up its <c>jti</c>.
/// </remarks>
public sealed class CdsHooksTokenValidator
{
    /// <summary>The signature algorithms accepted (asymmetric only; the CDS Hooks spec recommends ES384 and RS384).</summary>
    public static readonly FrozenSet<string> AllowedAlgorithms = FrozenSet.Create(StringComparer.Ordinal,
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512);

    private const int MaxTokenLength = 16 * 1024;
    private const int MaxJwtIdLength = 256;

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly FrozenDictionary<string, TrustedIssuerOptions> _issuers;
    private readonly SecurityOptions _options;
    private readonly JwksCache _keys;
    private readonly JtiReplayCache _replay;

    /// <summary>Creates the validator.</summary>
    public CdsHooksTokenValidator(IOptions<SecurityOptions> options, JwksCache keys, JtiReplayCache replay)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(replay);
        _options = options.Value;
        _keys = keys;
        _replay = replay;
        _issuers = _options.TrustedIssuers
            .Where(i => !string.IsNullOrEmpty(i.Issuer))
            .DistinctBy(i => i.Issuer, StringComparer.Ordinal)
            .ToFrozenDictionary(i => i.Issuer, StringComparer.Ordinal);
    }

    /// <summary>Validates <paramref name="token"/> for a call to <paramref name="endpoint"/> at <paramref name="now"/>.</summary>
    /// <param name="token">The compact JWT (without the <c>Bearer</c> prefix).</param>
    /// <param name="endpoint">The absolute URL called, which <c>aud</c> must equal.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels waiting for a JWK Set fetch.</param>
    public async ValueTask<CdsTokenValidationResult> ValidateAsync(string token, Uri endpoint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (string.IsNullOrEmpty(token))
        {
            return CdsTokenValidationResult.Fail(CdsTokenFailure.MissingToken);
        }

        if (token.Length > MaxTokenLength || !TryRead(token, out var jwt))
        {
            return CdsTokenValidationResult.Fail(CdsTokenFailure.Malformed);
        }

        var issuerClaim = TryGetString(jwt, JwtRegisteredClaimNames.Iss);
        var jwtId = TryGetString(jwt, JwtRegisteredClaimNames.Jti);
        CdsTokenValidationResult Fail(CdsTokenFailure failure) => CdsTokenValidationResult.Fail(failure, issuerClaim, jwtId);

        if (CheckHeader(jwt) is { } headerFailure)
        {
            return Fail(headerFailure);
        }

        if (CheckClaims(jwt, issuerClaim, jwtId, endpoint, now, out var issuer, out var tenant, out var expires) is { } claimsFailure)
        {
            return Fail(claimsFailure);
        }

        // Only a URL from configuration is ever fetched: the allowlisted entry the jku matched, or the out-of-band one.
        var jwksUrl = jwt.TryGetHeaderValue<string>(JwtHeaderParameterNames.Jku, out var jku)
            ? issuer!.AllowedJkuUrls.First(u => string.Equals(u, jku, StringComparison.Ordinal))
            : issuer!.JwksUrl;
        if (string.IsNullOrEmpty(jwksUrl))
        {
            return Fail(CdsTokenFailure.KeysUnavailable);
        }

        var lookup = await _keys.FindKeyAsync(jwksUrl, jwt.Kid, now, cancellationToken).ConfigureAwait(false);
        if (lookup.Key is not { } key)
        {
            return Fail(lookup.Failure ?? CdsTokenFailure.UnknownKey);
        }

        if (!string.IsNullOrEmpty(key.Alg) && !string.Equals(key.Alg, jwt.Alg, StringComparison.Ordinal))
        {
            return Fail(CdsTokenFailure.InvalidSignature);
        }

        if (!await VerifySignatureAsync(token, issuer!.Issuer, key).ConfigureAwait(false))
        {
            return Fail(CdsTokenFailure.InvalidSignature);
        }

        if (_replay.TryRegister(issuer.Issuer, jwtId!, expires + _options.ClockSkew, now) is { } replayFailure)
        {
            return Fail(replayFailure);
        }

        var subject = TryGetString(jwt, JwtRegisteredClaimNames.Sub);
        return CdsTokenValidationResult.Success(new CdsCaller(issuer.Issuer, tenant, jwtId!, subject));
    }

    private static CdsTokenFailure? CheckHeader(JsonWebToken jwt)
    {
        if (!AllowedAlgorithms.Contains(jwt.Alg))
        {
            return CdsTokenFailure.AlgorithmNotAllowed;
        }

        if (!string.Equals(jwt.Typ, "JWT", StringComparison.OrdinalIgnoreCase))
        {
            return CdsTokenFailure.WrongType;
        }

        return string.IsNullOrEmpty(jwt.Kid) ? CdsTokenFailure.MissingKeyId : null;
    }

    private CdsTokenFailure? CheckClaims(JsonWebToken jwt, string? issuerClaim, string? jwtId, Uri endpoint, DateTimeOffset now,
        out TrustedIssuerOptions? issuer, out string? tenant, out DateTimeOffset expires)
    {
        issuer = null;
        tenant = null;
        expires = default;
        if (string.IsNullOrEmpty(issuerClaim))
        {
            return CdsTokenFailure.MissingClaim;
        }

        if (!_issuers.TryGetValue(issuerClaim, out issuer))
        {
            return CdsTokenFailure.UntrustedIssuer;
        }

        if (jwt.TryGetHeaderValue<string>(JwtHeaderParameterNames.Jku, out var jku)
            && !issuer.AllowedJkuUrls.Contains(jku, StringComparer.Ordinal))
        {
            return CdsTokenFailure.UntrustedJku;
        }

        var audiences = jwt.Audiences.ToList();
        if (audiences.Count == 0)
        {
            return CdsTokenFailure.MissingClaim;
        }

        if (!audiences.Exists(a => AudienceEquals(a, endpoint)))
        {
            return CdsTokenFailure.AudienceMismatch;
        }

        if (!TryGetNumericDate(jwt, JwtRegisteredClaimNames.Exp, out expires) || !TryGetNumericDate(jwt, JwtRegisteredClaimNames.Iat, out var issuedAt))
        {
            return CdsTokenFailure.MissingClaim;
        }

        var skew = _options.ClockSkew;
        if (now - skew >= expires)
        {
            return CdsTokenFailure.Expired;
        }

        if (jwt.TryGetClaim(JwtRegisteredClaimNames.Nbf, out _))
        {
            if (!TryGetNumericDate(jwt, JwtRegisteredClaimNames.Nbf, out var notBefore))
            {
                return CdsTokenFailure.MissingClaim;
            }

            if (notBefore > now + skew)
            {
                return CdsTokenFailure.NotYetValid;
            }
        }

        if (issuedAt > now + skew)
        {
            return CdsTokenFailure.IssuedInFuture;
        }

        if (expires <= issuedAt || expires - issuedAt > _options.MaxTokenLifetime)
        {
            return CdsTokenFailure.LifetimeTooLong;
        }

        tenant = TryGetString(jwt, "tenant");
        if (issuer.Tenants.Count > 0)
        {
            if (string.IsNullOrEmpty(tenant))
            {
                return CdsTokenFailure.TenantMissing;
            }

            if (!issuer.Tenants.Contains(tenant, StringComparer.Ordinal))
            {
                return CdsTokenFailure.TenantNotAllowed;
            }
        }

        if (string.IsNullOrEmpty(jwtId))
        {
            return CdsTokenFailure.MissingClaim;
        }

        return jwtId.Length > MaxJwtIdLength ? CdsTokenFailure.Malformed : null;
    }

    private async Task<bool> VerifySignatureAsync(string token, string issuer, JsonWebKey key)
    {
        // Everything but the signature (and the issuer, again) was checked above, against the injected clock; typ case-insensitively.
        var parameters = new TokenValidationParameters
        {
            ValidAlgorithms = AllowedAlgorithms,
            IssuerSigningKey = key,
            TryAllIssuerSigningKeys = false,
            RequireSignedTokens = true,
            ValidateIssuer = true,
            ValidIssuer = issuer,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            ValidateIssuerSigningKey = false,
            ValidateTokenReplay = false,
        };
        var result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        return result.IsValid;
    }

    private static bool TryRead(string token, out JsonWebToken jwt)
    {
        jwt = null!;

        // A signed compact JWT has exactly three parts; five would be an encrypted token.
        if (token.Count(c => c == '.') != 2)
        {
            return false;
        }

        try
        {
            jwt = new JsonWebToken(token);
            return !jwt.IsEncrypted;
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException or System.Text.Json.JsonException or FormatException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool AudienceEquals(string audience, Uri endpoint) =>
        Uri.TryCreate(audience, UriKind.Absolute, out var uri)
        && Uri.Compare(uri, endpoint, UriComponents.HttpRequestUrl, UriFormat.UriEscaped, StringComparison.Ordinal) == 0;

    private static string? TryGetString(JsonWebToken jwt, string name) =>
        jwt.TryGetPayloadValue<string>(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    private static bool TryGetNumericDate(JsonWebToken jwt, string name, out DateTimeOffset value)
    {
        value = default;
        double seconds;
        if (jwt.TryGetPayloadValue<long>(name, out var whole))
        {
            seconds = whole;
        }
        else if (!jwt.TryGetPayloadValue(name, out seconds))
        {
            return false;
        }

        // Far outside any real token; also keeps FromUnixTimeSeconds from throwing.
        if (double.IsNaN(seconds) || seconds < 0 || seconds > 253_402_300_799)
        {
            return false;
        }

        value = DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
        return true;
    }
}
