namespace B12Cds.Service.Security;

/// <summary>Why a CDS Hooks JWT was refused (logged with the refusal; the caller only ever sees <c>401</c>).</summary>
public enum CdsTokenFailure
{
    /// <summary>The call had no <c>Authorization: Bearer</c> header and unsigned calls are not allowed from where it came.</summary>
    MissingToken = 1,

    /// <summary>The header or token could not be read as a signed compact JWT (also: more than one <c>Authorization</c> header, an encrypted token, an over-long token or <c>jti</c>).</summary>
    Malformed,

    /// <summary>The <c>alg</c> header is <c>none</c>, an HMAC algorithm or anything else outside RS*, PS* and ES*.</summary>
    AlgorithmNotAllowed,

    /// <summary>The <c>typ</c> header is not <c>JWT</c>.</summary>
    WrongType,

    /// <summary>The <c>kid</c> header is missing.</summary>
    MissingKeyId,

    /// <summary>A required claim (<c>iss</c>, <c>aud</c>, <c>exp</c>, <c>iat</c> or <c>jti</c>) is missing or not of the right type.</summary>
    MissingClaim,

    /// <summary>The <c>iss</c> is not a trusted issuer.</summary>
    UntrustedIssuer,

    /// <summary>The <c>jku</c> header names a URL not in the issuer's allowlist.</summary>
    UntrustedJku,

    /// <summary>No <c>aud</c> value equals the URL of the endpoint called.</summary>
    AudienceMismatch,

    /// <summary>The <c>exp</c> has passed (beyond the clock skew).</summary>
    Expired,

    /// <summary>The <c>nbf</c> is in the future (beyond the clock skew).</summary>
    NotYetValid,

    /// <summary>The <c>iat</c> is in the future (beyond the clock skew).</summary>
    IssuedInFuture,

    /// <summary>The <c>exp</c> − <c>iat</c> exceeds the configured maximum lifetime, or is not positive.</summary>
    LifetimeTooLong,

    /// <summary>The issuer requires a <c>tenant</c> and the token has none.</summary>
    TenantMissing,

    /// <summary>The <c>tenant</c> is not allowed for the issuer.</summary>
    TenantNotAllowed,

    /// <summary>No signing keys could be obtained for the issuer (its JWK Set was never fetched successfully, or none is configured).</summary>
    KeysUnavailable,

    /// <summary>The issuer's JWK Set has no usable signing key with the token's <c>kid</c>, even after a refetch.</summary>
    UnknownKey,

    /// <summary>The signature does not verify with the issuer's key.</summary>
    InvalidSignature,

    /// <summary>The <c>jti</c> was already used by this issuer within its lifetime.</summary>
    Replayed,

    /// <summary>The replay cache is full of unexpired entries, so the token could not be recorded and is refused.</summary>
    ReplayCacheFull,
}
