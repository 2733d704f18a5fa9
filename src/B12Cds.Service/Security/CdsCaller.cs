namespace B12Cds.Service.Security;

/// <summary>The authenticated caller of a CDS Hooks or FHIR call, taken from its verified JWT; safe to log and audit (no token, no PHI).</summary>
/// <param name="Issuer">The <c>iss</c>: the EHR that signed the token.</param>
/// <param name="Tenant">The <c>tenant</c>, when the token has one.</param>
/// <param name="JwtId">The <c>jti</c>.</param>
/// <param name="Subject">The <c>sub</c>, when the token has one.</param>
public sealed record CdsCaller(string Issuer, string? Tenant, string JwtId, string? Subject);
