using B12Cds.Service.Security;
using Microsoft.IdentityModel.Tokens;
using static B12Cds.Service.Tests.Security.ValidatorHarness;

namespace B12Cds.Service.Tests.Security;

public sealed class CdsHooksTokenValidatorTests
{
    private readonly ValidatorHarness _h = new();

    [Fact]
    public async Task ValidateAsync_ValidRs384_ReturnsCaller()
    {
        var token = _h.Token().With("jti", "jti-1").Sign(_h.Rsa, SecurityAlgorithms.RsaSha384);

        var result = await _h.ValidateAsync(token);

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal(new CdsCaller(Issuer, null, "jti-1", "client-app"), result.Caller);
    }

    [Fact]
    public async Task ValidateAsync_ValidEs384_ReturnsCaller()
    {
        var result = await _h.ValidateAsync(_h.Token().Sign(_h.Ec, SecurityAlgorithms.EcdsaSha384));

        Assert.True(result.Succeeded, result.Failure?.ToString());
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha256)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    [InlineData(SecurityAlgorithms.RsaSsaPssSha256)]
    [InlineData(SecurityAlgorithms.RsaSsaPssSha384)]
    [InlineData(SecurityAlgorithms.RsaSsaPssSha512)]
    public async Task ValidateAsync_OtherRsaAlgorithms_AreAccepted(string algorithm)
    {
        var result = await _h.ValidateAsync(_h.Token().Sign(_h.Rsa, algorithm));

        Assert.True(result.Succeeded, result.Failure?.ToString());
    }

    [Fact]
    public async Task ValidateAsync_Es256WithP256Key_IsAccepted()
    {
        var p256 = TestSigningKey.Ec("ec-p256", System.Security.Cryptography.ECCurve.NamedCurves.nistP256, "P-256");
        _h.Jwks.Publish(JwksUrl, _h.Rsa, _h.Ec, p256);

        var result = await _h.ValidateAsync(_h.Token().Sign(p256, SecurityAlgorithms.EcdsaSha256));

        Assert.True(result.Succeeded, result.Failure?.ToString());
    }

    [Fact]
    public async Task ValidateAsync_NoIss_IsMissingClaim()
    {
        var result = await _h.ValidateAsync(_h.Token().With("iss", null).Sign(_h.Rsa));

        Assert.Equal(CdsTokenFailure.MissingClaim, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_UnknownIss_IsUntrustedIssuerAndFetchesNothing()
    {
        var result = await _h.ValidateAsync(_h.Token("https://evil.example.net").Sign(_h.Rsa));

        Assert.Equal(CdsTokenFailure.UntrustedIssuer, result.Failure);
        Assert.Equal("https://evil.example.net", result.ClaimedIssuer);
        Assert.Equal(0, _h.Jwks.TotalRequests);
    }

    [Fact]
    public async Task ValidateAsync_AllowlistedJku_UsesThatKeySet()
    {
        var result = await _h.ValidateAsync(_h.Token().WithHeader("jku", AllowedJku).Sign(_h.JkuKey, SecurityAlgorithms.EcdsaSha384));

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal(1, _h.Jwks.Requests(AllowedJku));
        Assert.Equal(0, _h.Jwks.Requests(JwksUrl));
    }

    [Fact]
    public async Task ValidateAsync_JkuNotAllowlisted_IsRefusedAndNeverFetched()
    {
        const string Attacker = "https://attacker.example.net/jwks.json";
        var attackerKey = TestSigningKey.Rsa("rsa-2026-03");
        _h.Jwks.Publish(Attacker, attackerKey);

        var result = await _h.ValidateAsync(_h.Token().WithHeader("jku", Attacker).Sign(attackerKey));

        Assert.Equal(CdsTokenFailure.UntrustedJku, result.Failure);
        Assert.Equal(0, _h.Jwks.Requests(Attacker));
    }

    [Fact]
    public async Task ValidateAsync_JkuOfAnotherIssuer_IsRefused()
    {
        var result = await _h.ValidateAsync(_h.Token(TenantIssuer).With("tenant", Tenant).WithHeader("jku", AllowedJku).Sign(_h.JkuKey, SecurityAlgorithms.EcdsaSha384));

        Assert.Equal(CdsTokenFailure.UntrustedJku, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_ListedTenant_IsAcceptedAndReported()
    {
        var result = await _h.ValidateAsync(_h.Token(TenantIssuer).With("tenant", Tenant).Sign(_h.Rsa));

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal(Tenant, result.Caller!.Tenant);
    }

    [Fact]
    public async Task ValidateAsync_TenantRequiredButMissing_IsTenantMissing()
    {
        var result = await _h.ValidateAsync(_h.Token(TenantIssuer).Sign(_h.Rsa));

        Assert.Equal(CdsTokenFailure.TenantMissing, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_TenantNotListed_IsTenantNotAllowed()
    {
        var result = await _h.ValidateAsync(_h.Token(TenantIssuer).With("tenant", "hospital-z").Sign(_h.Rsa));

        Assert.Equal(CdsTokenFailure.TenantNotAllowed, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_IssuerWithoutTenantList_AcceptsAnyTenant()
    {
        var result = await _h.ValidateAsync(_h.Token().With("tenant", "whatever").Sign(_h.Rsa));

        Assert.Equal("whatever", result.Caller?.Tenant);
    }

    [Theory]
    [InlineData("https://cds.example.org/cds-services/other-service")]
    [InlineData("https://cds.example.org/cds-services/b12-patient-view/")]
    [InlineData("http://cds.example.org/cds-services/b12-patient-view")]
    [InlineData("https://cds.example.org:8443/cds-services/b12-patient-view")]
    [InlineData("https://cds.example.org/cds-services/b12-patient-view?x=1")]
    [InlineData("cds-services/b12-patient-view")]
    public async Task ValidateAsync_AudienceNotTheEndpoint_IsAudienceMismatch(string audience)
    {
        var result = await _h.ValidateAsync(_h.Token().With("aud", audience).Sign(_h.Rsa));

        Assert.Equal(CdsTokenFailure.AudienceMismatch, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_AudienceArrayContainingTheEndpoint_IsAccepted()
    {
        var token = _h.Token().With("aud", new[] { "https://other.example.org/x", Endpoint.AbsoluteUri }).Sign(_h.Rsa);

        var result = await _h.ValidateAsync(token);

        Assert.True(result.Succeeded, result.Failure?.ToString());
    }

    [Fact]
    public async Task ValidateAsync_AudienceHostInUpperCase_IsAccepted()
    {
        var result = await _h.ValidateAsync(_h.Token().With("aud", "https://CDS.example.org/cds-services/b12-patient-view").Sign(_h.Rsa));

        Assert.True(result.Succeeded, result.Failure?.ToString());
    }

    [Theory]
    [InlineData("aud")]
    [InlineData("exp")]
    [InlineData("iat")]
    [InlineData("jti")]
    public async Task ValidateAsync_RequiredClaimMissing_IsMissingClaim(string claim)
    {
        var result = await _h.ValidateAsync(_h.Token().With(claim, null).Sign(_h.Rsa));

        Assert.Equal(CdsTokenFailure.MissingClaim, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_Expired_IsExpired()
    {
        var now = _h.Time.GetUtcNow();
        var token = _h.Token().With("iat", now.AddMinutes(-10)).With("exp", now.AddSeconds(-31)).Sign(_h.Rsa);

        var result = await _h.ValidateAsync(token);

        Assert.Equal(CdsTokenFailure.Expired, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_ExpiredWithinClockSkew_IsAccepted()
    {
        var now = _h.Time.GetUtcNow();
        var token = _h.Token().With("iat", now.AddMinutes(-10)).With("exp", now.AddSeconds(-20)).Sign(_h.Rsa);

        var result = await _h.ValidateAsync(token);

        Assert.True(result.Succeeded, result.Failure?.ToString());
    }

    [Fact]
    public async Task ValidateAsync_NotBeforeInTheFuture_IsNotYetValid()
    {
        var result = await _h.ValidateAsync(_h.Token().With("nbf", _h.Time.GetUtcNow().AddMinutes(2)).Sign(_h.Rsa));

        Assert.Equal(CdsTokenFailure.NotYetValid, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_IssuedInTheFutureBeyondSkew_IsIssuedInFuture()
    {
        var now = _h.Time.GetUtcNow();
        var token = _h.Token().With("iat", now.AddSeconds(45)).With("exp", now.AddMinutes(5)).Sign(_h.Rsa);

        var result = await _h.ValidateAsync(token);

        Assert.Equal(CdsTokenFailure.IssuedInFuture, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_IssuedSlightlyInTheFuture_IsAccepted()
    {
        var now = _h.Time.GetUtcNow();
        var result = await _h.ValidateAsync(_h.Token().With("iat", now.AddSeconds(10)).Sign(_h.Rsa));

        Assert.True(result.Succeeded, result.Failure?.ToString());
    }

    [Fact]
    public async Task ValidateAsync_LifetimeOverTheMaximum_IsLifetimeTooLong()
    {
        var now = _h.Time.GetUtcNow();
        var token = _h.Token().With("iat", now).With("exp", now.AddHours(1).AddSeconds(1)).Sign(_h.Rsa);

        var result = await _h.ValidateAsync(token);

        Assert.Equal(CdsTokenFailure.LifetimeTooLong, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_ExpiryBeforeIssue_IsLifetimeTooLong()
    {
        var now = _h.Time.GetUtcNow();
        var token = _h.Token().With("iat", now).With("exp", now.AddSeconds(-1)).Sign(_h.Rsa);

        var result = await _h.ValidateAsync(token);

        Assert.Equal(CdsTokenFailure.LifetimeTooLong, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_SameJtiTwice_SecondIsReplayed()
    {
        var token = _h.Token().With("jti", "once").Sign(_h.Rsa);

        var first = await _h.ValidateAsync(token);
        var second = await _h.ValidateAsync(token);
        var fresh = await _h.ValidateAsync(_h.Token().With("jti", "once").Sign(_h.Rsa));

        Assert.True(first.Succeeded, first.Failure?.ToString());
        Assert.Equal(CdsTokenFailure.Replayed, second.Failure);
        Assert.Equal(CdsTokenFailure.Replayed, fresh.Failure);
    }

    [Fact]
    public async Task ValidateAsync_SameJtiFromAnotherIssuer_IsAccepted()
    {
        var first = await _h.ValidateAsync(_h.Token().With("jti", "shared").Sign(_h.Rsa));
        var other = await _h.ValidateAsync(_h.Token(TenantIssuer).With("tenant", Tenant).With("jti", "shared").Sign(_h.Rsa));

        Assert.True(first.Succeeded);
        Assert.True(other.Succeeded, other.Failure?.ToString());
    }

    [Fact]
    public async Task ValidateAsync_AlgNone_IsAlgorithmNotAllowed()
    {
        var result = await _h.ValidateAsync(_h.Token().Unsigned());

        Assert.Equal(CdsTokenFailure.AlgorithmNotAllowed, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_Hs256WithThePublicKeyAsSecret_IsAlgorithmNotAllowed()
    {
        // The classic confusion attack: HMAC keyed with the issuer's published RSA key, under its kid.
        var secret = new SymmetricSecurityKey(_h.Rsa.PublicModulus) { KeyId = _h.Rsa.KeyId };
        _h.Jwks.PublishJson(JwksUrl, TestSigningKey.JwksJson(
            _h.Rsa.PublicJwk(),
            new System.Text.Json.Nodes.JsonObject { ["kty"] = "oct", ["kid"] = "hmac", ["k"] = Base64UrlEncoder.Encode(_h.Rsa.PublicModulus) }));

        var withRsaKid = await _h.ValidateAsync(_h.Token().Sign(new SigningCredentials(secret, SecurityAlgorithms.HmacSha256)));
        var withOctKid = await _h.ValidateAsync(_h.Token().Sign(new SigningCredentials(
            new SymmetricSecurityKey(_h.Rsa.PublicModulus) { KeyId = "hmac" }, SecurityAlgorithms.HmacSha256)));

        Assert.Equal(CdsTokenFailure.AlgorithmNotAllowed, withRsaKid.Failure);
        Assert.Equal(CdsTokenFailure.AlgorithmNotAllowed, withOctKid.Failure);
    }

    [Fact]
    public async Task ValidateAsync_TypNotJwt_IsWrongType()
    {
        var result = await _h.ValidateAsync(_h.Token().WithHeader("typ", "at+jwt").Sign(_h.Rsa));

        Assert.Equal(CdsTokenFailure.WrongType, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_NoKid_IsMissingKeyId()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var result = await _h.ValidateAsync(_h.Token().Sign(new SigningCredentials(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha384)));

        Assert.Equal(CdsTokenFailure.MissingKeyId, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_TamperedPayload_IsInvalidSignatureAndDoesNotUseUpTheJti()
    {
        var genuine = _h.Token().With("jti", "j-1").With("sub", "a").Sign(_h.Rsa).Split('.');
        var forged = _h.Token().With("jti", "j-1").With("sub", "admin").Sign(_h.Rsa).Split('.');
        var tampered = string.Join('.', genuine[0], forged[1], genuine[2]);

        var result = await _h.ValidateAsync(tampered);
        var genuineResult = await _h.ValidateAsync(string.Join('.', genuine));

        Assert.Equal(CdsTokenFailure.InvalidSignature, result.Failure);
        Assert.True(genuineResult.Succeeded, genuineResult.Failure?.ToString());
    }

    [Fact]
    public async Task ValidateAsync_SignedByAnotherKeyUnderAKnownKid_IsInvalidSignature()
    {
        var impostor = TestSigningKey.Rsa(_h.Rsa.KeyId);

        var result = await _h.ValidateAsync(_h.Token().Sign(impostor));

        Assert.Equal(CdsTokenFailure.InvalidSignature, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_EcKeyIdWithRsaAlgorithm_IsInvalidSignature()
    {
        var disguised = TestSigningKey.Rsa(_h.Ec.KeyId);

        var result = await _h.ValidateAsync(_h.Token().Sign(disguised, SecurityAlgorithms.RsaSha384));

        Assert.Equal(CdsTokenFailure.InvalidSignature, result.Failure);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJSUzM4NCJ9.e30.c2ln.x.y")]
    [InlineData("eyJhbGciOiJSUzM4NCJ9..")]
    [InlineData("e30.e30.")]
    [InlineData("WzFd.e30.c2ln")]
    [InlineData("eyJhbGciOiJSUzM4NCJ9.WzFd.c2ln")]
    [InlineData("eyJhbGciOiJSUzM4NCJ9.bnVsbA.c2ln")]
    [InlineData("%%%.%%%.%%%")]
    [InlineData("eyJhbGciOiJSUzM4NCIsInR5cCI6IkpXVCIsImtpZCI6InJzYS0yMDI2LTAzIn0.eyJpc3MiOjF9.c2ln")]
    public async Task ValidateAsync_Malformed_IsRefusedWithoutException(string token)
    {
        var result = await _h.ValidateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Failure, new CdsTokenFailure?[] { CdsTokenFailure.Malformed, CdsTokenFailure.MissingToken, CdsTokenFailure.AlgorithmNotAllowed, CdsTokenFailure.WrongType, CdsTokenFailure.MissingClaim });
    }

    [Theory]
    [InlineData("""{"alg":"RS384","typ":"JWT","kid":"rsa-2026-03"}""", """{"iss":"https://ehr.example.org","aud":5}""")]
    [InlineData("""{"alg":"RS384","typ":"JWT","kid":"rsa-2026-03"}""", """{"iss":"https://ehr.example.org","aud":[1,{"a":2},null]}""")]
    [InlineData("""{"alg":"RS384","typ":"JWT","kid":"rsa-2026-03"}""", """{"iss":"https://ehr.example.org","aud":"https://cds.example.org/cds-services/b12-patient-view","exp":"soon","iat":[]}""")]
    [InlineData("""{"alg":"RS384","typ":"JWT","kid":"rsa-2026-03"}""", """{"iss":"https://ehr.example.org","aud":"https://cds.example.org/cds-services/b12-patient-view","exp":1e300,"iat":-1e300}""")]
    [InlineData("""{"alg":"RS384","typ":"JWT","kid":"rsa-2026-03"}""", """{"iss":["https://ehr.example.org"],"jti":{"x":1}}""")]
    [InlineData("""{"alg":"RS384","typ":"JWT","kid":7}""", """{"iss":"https://ehr.example.org"}""")]
    [InlineData("""{"alg":["RS384"],"typ":"JWT","kid":"k"}""", """{}""")]
    [InlineData("""{"alg":"RS384","typ":"JWT","kid":"rsa-2026-03","jku":42}""", """{"iss":"https://ehr.example.org"}""")]
    [InlineData("""{"alg":"RS384","typ":"JWT","kid":"rsa-2026-03"}""", """{"iss":"https://ehr.example.org","iss":"https://evil.example.net"}""")]
    [InlineData("""{"alg":"RS384","typ":"JWT","kid":"rsa-2026-03"}""", """not json""")]
    public async Task ValidateAsync_OddlyTypedHeaderOrClaims_IsRefusedWithoutException(string header, string payload)
    {
        var token = $"{Base64UrlEncoder.Encode(header)}.{Base64UrlEncoder.Encode(payload)}.c2ln";

        var result = await _h.ValidateAsync(token);

        Assert.False(result.Succeeded);
        Assert.NotNull(result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_Garbage_IsMalformed()
    {
        Assert.Equal(CdsTokenFailure.Malformed, (await _h.ValidateAsync("a.b.c")).Failure);
        Assert.Equal(CdsTokenFailure.Malformed, (await _h.ValidateAsync(new string('a', 20_000) + ".b.c")).Failure);
    }
}
