namespace B12Cds.Service.Security;

/// <summary>Reads the authenticated caller that the security middleware stored on the request.</summary>
public static class CdsCallerHttpContextExtensions
{
    /// <summary>Gets the caller of a <c>/cds-services</c> or <c>/fhir</c> call; <see langword="null"/> for an unsigned local call (Development only) or an unprotected path.</summary>
    public static CdsCaller? GetCdsCaller(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<CdsCaller>();
    }
}
