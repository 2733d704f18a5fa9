using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;

namespace B12Cds.Service.FhirApi;

/// <summary>Writes a FHIR resource as <c>application/fhir+json</c> with a status code.</summary>
internal sealed class FhirResourceResult(Resource resource, int statusCode = StatusCodes.Status200OK) : IResult, IStatusCodeHttpResult
{
    /// <summary>Gets the resource written.</summary>
    public Resource Resource { get; } = resource;

    /// <inheritdoc/>
    public int? StatusCode { get; } = statusCode;

    /// <inheritdoc/>
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var bytes = FhirJson.SerializeToUtf8Bytes(Resource);
        httpContext.Response.StatusCode = StatusCode ?? StatusCodes.Status200OK;
        httpContext.Response.ContentType = $"{FhirApiUris.FhirJson}; charset=utf-8";
        httpContext.Response.ContentLength = bytes.Length;
        await httpContext.Response.Body.WriteAsync(bytes, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
