namespace B12Cds.Service.Hooks;

/// <summary>
/// A CDS Hooks 2.0 service call, as read from its JSON body: the hook, its instance, the EHR's FHIR server and token,
/// the context, and the prefetch. Resource-valued members (prefetch values, <c>context.draftOrders</c>) are kept as
/// the request's own UTF-8 bytes and parsed by the FHIR reader, so each byte is scanned once here and once there.
/// </summary>
public sealed record CdsHookRequest
{
    /// <summary>Gets the hook that triggered the call (e.g. <c>patient-view</c>).</summary>
    public required string Hook { get; init; }

    /// <summary>Gets the UUID of this hook invocation.</summary>
    public required string HookInstance { get; init; }

    /// <summary>Gets the base URL of the EHR's FHIR server, when given.</summary>
    public Uri? FhirServer { get; init; }

    /// <summary>Gets the bearer token for <see cref="FhirServer"/> (<c>fhirAuthorization.access_token</c>); never logged.</summary>
    public string? AccessToken { get; init; }

    /// <summary>Gets <c>context.patientId</c>.</summary>
    public required string PatientId { get; init; }

    /// <summary>Gets <c>context.userId</c> (e.g. <c>Practitioner/123</c>).</summary>
    public string? UserId { get; init; }

    /// <summary>Gets <c>context.encounterId</c>, when given.</summary>
    public string? EncounterId { get; init; }

    /// <summary>
    /// Gets the values prefetch templates may use: every root-level primitive context field as <c>context.name</c>,
    /// and the user identifiers (<c>userPractitionerId</c>, …) derived from <c>context.userId</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> ContextTokens { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets <c>context.draftOrders</c> (a Bundle, order hooks only) as its JSON bytes.</summary>
    public ReadOnlyMemory<byte>? DraftOrders { get; init; }

    /// <summary>Gets <c>context.selections</c> (order-select only): the draft orders the clinician selected.</summary>
    public IReadOnlyList<string> Selections { get; init; } = [];

    /// <summary>
    /// Gets the prefetch the EHR sent: a key with a value holds the resource's JSON bytes; a key whose value is null
    /// means "no data"; keys the EHR did not send are absent.
    /// </summary>
    public IReadOnlyDictionary<string, ReadOnlyMemory<byte>?> Prefetch { get; init; } = new Dictionary<string, ReadOnlyMemory<byte>?>();
}
