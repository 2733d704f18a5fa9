namespace B12Cds.Service.Prefetch;

/// <summary>What became of one prefetch key.</summary>
public enum PrefetchKeyState
{
    /// <summary>The EHR sent the data in <c>prefetch</c>; it is used.</summary>
    Provided,

    /// <summary>The EHR sent JSON <c>null</c>: the patient has no such data (not an error).</summary>
    NoData,

    /// <summary>Not prefetched; read from the EHR's FHIR server.</summary>
    Fetched,

    /// <summary>The EHR (or its FHIR server) answered with an OperationOutcome: reported, not evaluated.</summary>
    OperationOutcome,

    /// <summary>The data was unreadable or of the wrong kind (another resource type, another patient).</summary>
    Invalid,

    /// <summary>The FHIR server could not be read (refused, errors after retries, circuit open, response too large).</summary>
    Failed,

    /// <summary>The overall deadline passed before the FHIR server answered.</summary>
    TimedOut,

    /// <summary>Not prefetched and not fetchable: no <c>fhirServer</c> (or one that is not https), or a template token with no value in the context.</summary>
    Unavailable,
}
