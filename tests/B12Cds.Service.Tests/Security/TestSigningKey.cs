using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace B12Cds.Service.Tests.Security;

/// <summary>A key pair generated for the test: signs tokens, and publishes its public half as a JWK.</summary>
internal sealed class TestSigningKey
{
    private readonly JsonObject _publicJwk;

    private TestSigningKey(SecurityKey privateKey, JsonObject publicJwk)
    {
        PrivateKey = privateKey;
        _publicJwk = publicJwk;
    }

    public SecurityKey PrivateKey { get; }

    public string KeyId => PrivateKey.KeyId;

    public static TestSigningKey Rsa(string keyId)
    {
        var rsa = RSA.Create(2048);
        var p = rsa.ExportParameters(includePrivateParameters: false);
        return new(new RsaSecurityKey(rsa) { KeyId = keyId }, new JsonObject
        {
            ["kty"] = "RSA",
            ["kid"] = keyId,
            ["use"] = "sig",
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
        });
    }

    public static TestSigningKey Ec(string keyId, ECCurve? curve = null, string crv = "P-384")
    {
        var ec = ECDsa.Create(curve ?? ECCurve.NamedCurves.nistP384);
        var p = ec.ExportParameters(includePrivateParameters: false);
        return new(new ECDsaSecurityKey(ec) { KeyId = keyId }, new JsonObject
        {
            ["kty"] = "EC",
            ["kid"] = keyId,
            ["crv"] = crv,
            ["x"] = Base64UrlEncoder.Encode(p.Q.X),
            ["y"] = Base64UrlEncoder.Encode(p.Q.Y),
        });
    }

    /// <summary>The RSA modulus as published, which an attacker could use as an HMAC secret.</summary>
    public byte[] PublicModulus => Base64UrlEncoder.DecodeBytes((string)_publicJwk["n"]!);

    public SigningCredentials Credentials(string algorithm) => new(PrivateKey, algorithm);

    public JsonObject PublicJwk() => (JsonObject)_publicJwk.DeepClone();

    public static string JwksJson(params JsonNode[] keys) => new JsonObject { ["keys"] = new JsonArray(keys) }.ToJsonString();

    public static string JwksJson(params TestSigningKey[] keys) => JwksJson([.. keys.Select(k => (JsonNode)k.PublicJwk())]);
}
