using B12Cds.Cards;
using B12Cds.Cards.CdsHooks;

namespace B12Cds.Service.Hooks;

/// <summary>
/// Writes a CDS Hooks response as <c>application/json; charset=utf-8</c> with its <c>Content-Length</c>: the JSON is
/// written as UTF-8 into a pooled buffer and copied to the body, never made a string.
/// </summary>
internal sealed class CdsResponseResult(CdsResponse response) : IResult, IStatusCodeHttpResult
{
    /// <summary>The content type of a CDS Hooks answer.</summary>
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>Gets the response written.</summary>
    public CdsResponse Response { get; } = response;

    /// <inheritdoc/>
    public int? StatusCode => StatusCodes.Status200OK;

    /// <inheritdoc/>
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        using var buffer = new PooledBufferWriter();
        CdsHooksJson.Write(buffer, Response);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ContentType;
        httpContext.Response.ContentLength = buffer.WrittenCount;
        await httpContext.Response.Body.WriteAsync(buffer.WrittenMemory, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
