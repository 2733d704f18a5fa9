using System.Net;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;

namespace B12Cds.Service.Security;

/// <summary>Requires a valid CDS Hooks JWT on <c>/cds-services/**</c> and <c>/fhir/**</c>; refuses with a bare <c>401</c>.</summary>
/// <remarks>
/// A call without an <c>Authorization</c> header passes only in the Development environment and only from a loopback address (a missing remote
/// address is not loopback). A call that carries a token is always validated in full. The caller goes to <see cref="CdsCallerHttpContextExtensions.GetCdsCaller"/>.
/// </remarks>
internal sealed class CdsHooksAuthenticationMiddleware
{
    private static readonly PathString[] ProtectedPaths = ["/cds-services", "/fhir"];

    private readonly RequestDelegate _next;
    private readonly CdsHooksTokenValidator _validator;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<CdsHooksAuthenticationMiddleware> _logger;
    private readonly bool _allowUnsignedLocalCalls;
    private readonly Uri? _publicBaseUrl;

    public CdsHooksAuthenticationMiddleware(RequestDelegate next, CdsHooksTokenValidator validator, IHostEnvironment environment,
        IOptions<ServiceOptions> serviceOptions, IOptions<SecurityOptions> securityOptions, TimeProvider timeProvider,
        ILogger<CdsHooksAuthenticationMiddleware> logger)
    {
        _next = next;
        _validator = validator;
        _timeProvider = timeProvider;
        _logger = logger;
        _allowUnsignedLocalCalls = environment.IsDevelopment();
        _publicBaseUrl = serviceOptions.Value.PublicBaseUrl is { Length: > 0 } baseUrl ? new Uri(baseUrl.TrimEnd('/') + "/", UriKind.Absolute) : null;
        if (securityOptions.Value.TrustedIssuers.Count == 0 && !_allowUnsignedLocalCalls)
        {
            SecurityLog.NoTrustedIssuers(logger);
        }
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!Array.Exists(ProtectedPaths, p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        var authorization = request.Headers.Authorization;
        if (authorization.Count == 0)
        {
            if (_allowUnsignedLocalCalls && IsLoopback(context.Connection.RemoteIpAddress))
            {
                SecurityLog.UnsignedLocalCall(_logger, request.Path);
                await _next(context).ConfigureAwait(false);
                return;
            }

            Refuse(context, CdsTokenValidationResult.Fail(CdsTokenFailure.MissingToken));
            return;
        }

        if (authorization.Count > 1 || !TryReadBearer(authorization.ToString(), out var token))
        {
            Refuse(context, CdsTokenValidationResult.Fail(CdsTokenFailure.Malformed));
            return;
        }

        var result = await _validator.ValidateAsync(token, EndpointUrl(request), _timeProvider.GetUtcNow(), context.RequestAborted).ConfigureAwait(false);
        if (result.Caller is not { } caller)
        {
            Refuse(context, result);
            return;
        }

        context.Features.Set(caller);
        SecurityLog.CallAuthenticated(_logger, request.Path, caller.Issuer, caller.Tenant, caller.JwtId);
        await _next(context).ConfigureAwait(false);
    }

    /// <summary>The URL <c>aud</c> must equal: the public base URL when configured (it includes any proxy prefix), else the request's own.</summary>
    private Uri EndpointUrl(HttpRequest request) =>
        _publicBaseUrl is { } baseUrl
            ? new Uri(baseUrl, request.Path.ToUriComponent().TrimStart('/'))
            : new Uri(UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path), UriKind.Absolute);

    private void Refuse(HttpContext context, CdsTokenValidationResult result)
    {
        SecurityLog.CallRefused(_logger, context.Request.Path, result.Failure ?? CdsTokenFailure.Malformed, result.ClaimedIssuer, result.ClaimedJwtId);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        context.Response.ContentLength = 0;
    }

    private static bool TryReadBearer(string header, out string token)
    {
        const string Scheme = "Bearer ";
        token = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : "";
        return token.Length > 0;
    }

    private static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
