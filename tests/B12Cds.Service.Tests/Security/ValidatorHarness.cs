using B12Cds.Service.Tests.Infrastructure;
using B12Cds.Service.Security;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace B12Cds.Service.Tests.Security;

/// <summary>A validator without a host: two trusted issuers, their keys on a stub JWKS endpoint, a hand-moved clock.</summary>
internal sealed class ValidatorHarness
{
    public const string Issuer = "https://ehr.example.org";
    public const string JwksUrl = "https://ehr.example.org/.well-known/jwks.json";
    public const string AllowedJku = "https://keys.ehr.example.org/jwks.json";
    public const string TenantIssuer = "https://multi.example.org";
    public const string TenantJwksUrl = "https://multi.example.org/jwks.json";
    public const string Tenant = "hospital-a";

    public static readonly Uri Endpoint = new("https://cds.example.org/cds-services/b12-patient-view");

    public ValidatorHarness()
    {
        Options.TrustedIssuers.Add(new TrustedIssuerOptions { Issuer = Issuer, JwksUrl = JwksUrl, AllowedJkuUrls = { AllowedJku } });
        Options.TrustedIssuers.Add(new TrustedIssuerOptions { Issuer = TenantIssuer, JwksUrl = TenantJwksUrl, Tenants = { Tenant, "hospital-b" } });
        Jwks.Publish(JwksUrl, Rsa, Ec);
        Jwks.Publish(TenantJwksUrl, Rsa);
        Jwks.Publish(AllowedJku, JkuKey);
    }

    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));

    public TestSigningKey Rsa { get; } = TestSigningKey.Rsa("rsa-2026-03");

    public TestSigningKey Ec { get; } = TestSigningKey.Ec("ec-2026-03");

    public TestSigningKey JkuKey { get; } = TestSigningKey.Ec("jku-ec");

    public JwksStub Jwks { get; } = new();

    public SecurityOptions Options { get; } = new();

    public CdsHooksTokenValidator Validator => _validator ??= new CdsHooksTokenValidator(
        MsOptions.Create(Options),
        new JwksCache(Jwks.ClientFactory(), MsOptions.Create(Options), NullLogger<JwksCache>.Instance),
        new JtiReplayCache(MsOptions.Create(Options)));

    private CdsHooksTokenValidator? _validator;

    public TokenBuilder Token(string issuer = Issuer) => new(issuer, Endpoint.AbsoluteUri, Time.GetUtcNow());

    public ValueTask<CdsTokenValidationResult> ValidateAsync(string token) =>
        Validator.ValidateAsync(token, Endpoint, Time.GetUtcNow(), CancellationToken.None);
}
