namespace B12Cds.Service.Security;

/// <summary>The outcome of validating one CDS Hooks JWT: the caller, or why the token was refused.</summary>
public sealed class CdsTokenValidationResult
{
    private CdsTokenValidationResult(CdsCaller? caller, CdsTokenFailure? failure, string? claimedIssuer, string? claimedJwtId)
    {
        Caller = caller;
        Failure = failure;
        ClaimedIssuer = claimedIssuer;
        ClaimedJwtId = claimedJwtId;
    }

    /// <summary>Gets the verified caller; <see langword="null"/> when the token was refused.</summary>
    public CdsCaller? Caller { get; }

    /// <summary>Gets why the token was refused; <see langword="null"/> when it was accepted.</summary>
    public CdsTokenFailure? Failure { get; }

    /// <summary>Gets whether the token was accepted.</summary>
    public bool Succeeded => Caller is not null;

    /// <summary>Gets the <c>iss</c> the token claimed (unverified when refused, shortened), for the refusal log.</summary>
    public string? ClaimedIssuer { get; }

    /// <summary>Gets the <c>jti</c> the token claimed (unverified when refused, shortened), for the refusal log.</summary>
    public string? ClaimedJwtId { get; }

    /// <summary>Creates an accepted result.</summary>
    public static CdsTokenValidationResult Success(CdsCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new(caller, null, caller.Issuer, caller.JwtId);
    }

    /// <summary>Creates a refused result.</summary>
    public static CdsTokenValidationResult Fail(CdsTokenFailure failure, string? claimedIssuer = null, string? claimedJwtId = null) =>
        new(null, failure, Shorten(claimedIssuer), Shorten(claimedJwtId));

    // Unverified values come from anyone: keep them short in logs.
    private static string? Shorten(string? value) => value is { Length: > 128 } ? value[..128] + "…" : value;
}
