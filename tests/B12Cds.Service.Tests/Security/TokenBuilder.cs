using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace B12Cds.Service.Tests.Security;

/// <summary>Mints CDS Hooks JWTs with <see cref="JsonWebTokenHandler"/>: valid by default, each claim replaceable or removable.</summary>
internal sealed class TokenBuilder
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    private readonly Dictionary<string, object> _claims = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object> _header = new(StringComparer.Ordinal);

    public TokenBuilder(string issuer, string audience, DateTimeOffset now)
    {
        _claims["iss"] = issuer;
        _claims["aud"] = audience;
        _claims["iat"] = now.ToUnixTimeSeconds();
        _claims["exp"] = now.AddMinutes(5).ToUnixTimeSeconds();
        _claims["jti"] = Guid.NewGuid().ToString();
        _claims["sub"] = "client-app";
    }

    /// <summary>Sets a claim; <see langword="null"/> removes it. Dates go as <see cref="DateTimeOffset"/>.</summary>
    public TokenBuilder With(string name, object? value)
    {
        if (value is null)
        {
            _claims.Remove(name);
        }
        else
        {
            _claims[name] = value is DateTimeOffset date ? date.ToUnixTimeSeconds() : value;
        }

        return this;
    }

    public TokenBuilder WithHeader(string name, object value)
    {
        _header[name] = value;
        return this;
    }

    public string Payload => JsonSerializer.Serialize(_claims);

    public string Sign(TestSigningKey key, string algorithm = SecurityAlgorithms.RsaSha384) => Sign(key.Credentials(algorithm));

    public string Sign(SigningCredentials credentials) => Handler.CreateToken(Payload, credentials, _header);

    /// <summary>An unsigned token (<c>alg</c> = <c>none</c>).</summary>
    public string Unsigned() => Handler.CreateToken(Payload);
}
