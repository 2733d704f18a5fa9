using B12Cds.Fhir.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace B12Cds.Service.Security;

/// <summary>Answers <c>413</c> with an OperationOutcome for a body over <see cref="ServiceOptions.MaxRequestBodyBytes"/>, whether or not it has a <c>Content-Length</c>.</summary>
/// <remarks>
/// A declared length over the limit is refused before the body is read. Otherwise the body is counted as it is read, and the server's own limit
/// (Kestrel) is set too; when either trips, the <c>413</c> replaces whatever the endpoint did, unless it has already started its response.
/// </remarks>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<ServiceOptions> options, ILogger<RequestBodyLimitMiddleware> logger)
{
    private readonly long _maxBytes = options.Value.MaxRequestBodyBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > _maxBytes)
        {
            await TooLargeAsync(context).ConfigureAwait(false);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = _maxBytes;
        }

        var exceeded = false;
        var original = context.Request.Body;
        context.Request.Body = new LimitedRequestStream(original, _maxBytes, () => exceeded = true);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            exceeded = true;
        }
        finally
        {
            context.Request.Body = original;
        }

        if (exceeded && !context.Response.HasStarted)
        {
            await TooLargeAsync(context).ConfigureAwait(false);
        }
    }

    private async Task TooLargeAsync(HttpContext context)
    {
        SecurityLog.BodyTooLarge(logger, context.Request.Path, _maxBytes);
        context.Response.Clear();
        var outcome = OperationOutcomeBuilder.Build(
            [new FhirIssue(IssueIds.TooLarge, IssueSeverity.Error, "too-long", $"The request body is larger than the {_maxBytes} bytes this service accepts. Nothing was read.")]);
        var contentType = context.Request.Path.StartsWithSegments("/fhir", StringComparison.Ordinal) ? Hooks.ServiceErrors.FhirJsonContentType : "application/json";
        await Hooks.ServiceErrors.Result(StatusCodes.Status413PayloadTooLarge, outcome, contentType).ExecuteAsync(context).ConfigureAwait(false);
    }
}
