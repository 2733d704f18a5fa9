using B12Cds.Service.Security;

namespace B12Cds.Service.Tests.Security;

public sealed class SecurityOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new SecurityOptionsValidator().Validate(null, new SecurityOptions()).Succeeded);
    }

    [Fact]
    public void Validate_BadIssuers_ListEveryProblem()
    {
        var options = new SecurityOptions { ClockSkew = TimeSpan.FromHours(1) };
        options.TrustedIssuers.Add(new TrustedIssuerOptions { Issuer = "https://a.example.org", JwksUrl = "http://a.example.org/jwks" });
        options.TrustedIssuers.Add(new TrustedIssuerOptions { Issuer = "https://a.example.org" });
        options.TrustedIssuers.Add(new TrustedIssuerOptions { Issuer = "", JwksUrl = "http://localhost:5000/jwks" });

        var result = new SecurityOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.Contains("ClockSkew", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("http://a.example.org/jwks", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("listed twice", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("TrustedIssuers:1 needs a JwksUrl", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("TrustedIssuers:2:Issuer is required", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("http://localhost:5000", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("*", false)]
    [InlineData("https://ehr.example.org/app", false)]
    [InlineData("ehr.example.org", false)]
    [InlineData("https://ehr.example.org", true)]
    [InlineData("http://localhost:3000", true)]
    public void Validate_AllowedOrigins_MustBePlainOrigins(string origin, bool valid)
    {
        var options = new ServiceOptions { AllowedOrigins = { origin } };

        Assert.Equal(valid, new RequestLimitsOptionsValidator().Validate(null, options).Succeeded);
    }
}
