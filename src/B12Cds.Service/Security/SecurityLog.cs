namespace B12Cds.Service.Security;

/// <summary>The security log events (5001–5099). Never a token: issuer, tenant, jti, path and reason only.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Refused a call to {Path}: {Reason} (iss {Issuer}, jti {JwtId})")]
    public static partial void CallRefused(ILogger logger, PathString path, CdsTokenFailure reason, string? issuer, string? jwtId);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Debug, Message = "Authenticated a call to {Path} from {Issuer} (tenant {Tenant}, jti {JwtId})")]
    public static partial void CallAuthenticated(ILogger logger, PathString path, string issuer, string? tenant, string jwtId);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Debug, Message = "Let an unsigned call to {Path} through: Development environment, loopback caller")]
    public static partial void UnsignedLocalCall(ILogger logger, PathString path);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "No trusted issuers are configured (B12Cds:Security:TrustedIssuers): every call to /cds-services and /fhir will be refused")]
    public static partial void NoTrustedIssuers(ILogger logger);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Fetched the JWK Set {JwksUrl}: {KeyCount} signing key(s)")]
    public static partial void JwksFetched(ILogger logger, string jwksUrl, int keyCount);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "Could not fetch the JWK Set {JwksUrl} ({Error}); last good keys kept: {HasLastGoodKeys}")]
    public static partial void JwksFetchFailed(ILogger logger, string jwksUrl, string error, bool hasLastGoodKeys);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Information, Message = "Refused a request to {Path}: its body is larger than {MaxBytes} bytes")]
    public static partial void BodyTooLarge(ILogger logger, PathString path, long maxBytes);
}
