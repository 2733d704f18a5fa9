namespace B12Cds.Service.Prefetch;

/// <summary>What the resolver needs from one hook call: the templates, the context tokens, the prefetch sent, and the EHR's FHIR server.</summary>
public sealed record PrefetchRequest
{
    /// <summary>Gets the templates of the service called (<see cref="PrefetchTemplateProvider.For"/>).</summary>
    public required IReadOnlyList<PrefetchTemplate> Templates { get; init; }

    /// <summary>
    /// Gets the values of the template tokens, without braces: <c>context.patientId</c> → <c>123</c>,
    /// <c>context.userId</c> → <c>Practitioner/1</c>, <c>userPractitionerId</c> → <c>1</c>.
    /// </summary>
    public required IReadOnlyDictionary<string, string> ContextTokens { get; init; }

    /// <summary>
    /// Gets the <c>prefetch</c> object as sent: a key with its JSON value (UTF-8); a key whose value is null means the EHR
    /// sent JSON <c>null</c> ("no data"); a key that is absent was not sent.
    /// </summary>
    public required IReadOnlyDictionary<string, ReadOnlyMemory<byte>?> Provided { get; init; }

    /// <summary>Gets the EHR's FHIR base URL (<c>fhirServer</c>), if sent.</summary>
    public Uri? FhirServer { get; init; }

    /// <summary>Gets <c>fhirAuthorization.access_token</c>, if sent: sent as a bearer token to <see cref="FhirServer"/> only, and never logged.</summary>
    public string? AccessToken { get; init; }

    /// <summary>Gets an id for the logs (the CDS Hooks <c>hookInstance</c>), if any.</summary>
    public string? CallId { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"PrefetchRequest {{ Templates = {Templates.Count}, Provided = {Provided.Count}, FhirServer = {FhirServer}, AccessToken = {(AccessToken is null ? "none" : "***")} }}";
}
