namespace B12Cds.Service.FhirApi;

/// <summary>Stable ids of the problems the FHIR API reports (in <c>OperationOutcome.issue.details</c>, system <c>urn:b12cds:issue</c>). New ones take new numbers.</summary>
internal static class FhirApiIssueIds
{
    /// <summary>No resource of that type and id.</summary>
    public const string NotFound = "FAPI001";

    /// <summary>No valid rule set is loaded.</summary>
    public const string RulesNotLoaded = "FAPI002";

    /// <summary>The body is not a Parameters resource or a Bundle.</summary>
    public const string WrongBodyType = "FAPI003";

    /// <summary>A parameter has the wrong type or value.</summary>
    public const string InvalidParameter = "FAPI004";

    /// <summary>No subject was given, or none can be found in the data.</summary>
    public const string SubjectMissing = "FAPI005";

    /// <summary>More than one subject was given or is possible.</summary>
    public const string SubjectAmbiguous = "FAPI006";

    /// <summary>The subject is not a Patient, or not in the data.</summary>
    public const string SubjectNotInData = "FAPI007";

    /// <summary>No <c>data</c> Bundle was given.</summary>
    public const string DataMissing = "FAPI008";

    /// <summary>A parameter this service does not know or does not use; ignored.</summary>
    public const string ParameterIgnored = "FAPI009";

    /// <summary>The request's media type is not FHIR JSON.</summary>
    public const string UnsupportedMediaType = "FAPI010";

    /// <summary>The rules could not finish for this patient.</summary>
    public const string EvaluationFailed = "FAPI011";
}
