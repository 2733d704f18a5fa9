using B12Cds.Fhir.Diagnostics;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json;

/// <summary>What <see cref="FhirJsonParser"/> read: the resource (possibly with unreadable parts replaced by <see cref="InvalidResource"/>) and every issue found.</summary>
public sealed record FhirParseResult
{
    /// <summary>Gets the resource read, or null when nothing could be read.</summary>
    public Resource? Resource { get; init; }

    /// <summary>Gets the problems found, in document order.</summary>
    public IReadOnlyList<FhirIssue> Issues { get; init; } = [];

    /// <summary>Gets a value indicating whether a resource was read (warnings and errors in Bundle entries allowed).</summary>
    public bool IsReadable => Resource is not null and not InvalidResource;

    /// <summary>Gets a value indicating whether any issue is an error.</summary>
    public bool HasErrors => Issues.Any(i => i.IsError);

    /// <summary>Gets the issues as a FHIR OperationOutcome.</summary>
    public OperationOutcome ToOperationOutcome() => OperationOutcomeBuilder.Build(Issues);
}
