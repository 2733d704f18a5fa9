namespace B12Cds.Fhir.Model;

/// <summary>Why a resource could not be read.</summary>
public enum InvalidResourceKind
{
    /// <summary>A JSON value that is not an object where a resource belongs.</summary>
    NotAnObject,

    /// <summary>An object with no <c>resourceType</c> string.</summary>
    MissingResourceType,

    /// <summary>A <c>resourceType</c> that is not a FHIR R4 resource type.</summary>
    UnknownResourceType,

    /// <summary>An element of the wrong JSON type or an invalid value (a date that is not a FHIR date), or a duplicate property.</summary>
    InvalidElement,
}
