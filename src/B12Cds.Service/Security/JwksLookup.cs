using Microsoft.IdentityModel.Tokens;

namespace B12Cds.Service.Security;

/// <summary>The result of looking a <c>kid</c> up in a JWK Set: the key, or why there is none.</summary>
/// <param name="Key">The signing key; <see langword="null"/> when none was found.</param>
/// <param name="Failure"><see cref="CdsTokenFailure.KeysUnavailable"/> when the set was never fetched, <see cref="CdsTokenFailure.UnknownKey"/> when it has no such key.</param>
public readonly record struct JwksLookup(JsonWebKey? Key, CdsTokenFailure? Failure);
