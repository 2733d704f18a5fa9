namespace B12Cds.Fhir.Diagnostics;

/// <summary>Stable ids of the input problems B12 CDS reports. They never change meaning; new ones take new numbers.</summary>
public static class IssueIds
{
    /// <summary>The input is not well-formed JSON.</summary>
    public const string MalformedJson = "FHIR001";

    /// <summary>The input is empty or is JSON but not a JSON object.</summary>
    public const string NotAResource = "FHIR002";

    /// <summary>A resource has no <c>resourceType</c>.</summary>
    public const string MissingResourceType = "FHIR003";

    /// <summary>A <c>resourceType</c> that is not a FHIR R4 resource type.</summary>
    public const string UnknownResourceType = "FHIR004";

    /// <summary>An element with the wrong JSON type or a value that is not valid for its FHIR type (a date that is not a FHIR date).</summary>
    public const string InvalidElement = "FHIR005";

    /// <summary>A valid resource of a type B12 CDS does not read; skipped.</summary>
    public const string UnsupportedResourceType = "FHIR006";

    /// <summary>The input is larger than the configured limit.</summary>
    public const string TooLarge = "FHIR007";

    /// <summary>The input is not UTF-8 text.</summary>
    public const string NotUtf8 = "FHIR008";
}
