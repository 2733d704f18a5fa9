namespace B12Cds.Service.Security;

/// <summary>One EHR allowed to call the service: its <c>iss</c>, where its signing keys are published, and the tenants it may name.</summary>
public sealed class TrustedIssuerOptions
{
    /// <summary>Gets or sets the exact <c>iss</c> value the EHR puts in its tokens.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>Gets or sets the JWK Set URL agreed out of band, used when a token has no <c>jku</c> header.</summary>
    public string? JwksUrl { get; set; }

    /// <summary>Gets the JWK Set URLs a token's <c>jku</c> header may name (exact match); a <c>jku</c> not listed here is refused and never fetched.</summary>
    public IList<string> AllowedJkuUrls { get; } = [];

    /// <summary>Gets the <c>tenant</c> values allowed; when the list is not empty, a token must carry one of them, and when it is empty, <c>tenant</c> is not checked.</summary>
    public IList<string> Tenants { get; } = [];
}
