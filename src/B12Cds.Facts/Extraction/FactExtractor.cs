using B12Cds.Facts.Model;
using B12Cds.Facts.Terminology;
using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;

namespace B12Cds.Facts.Extraction;

/// <summary>
/// Turns FHIR R4 resources (a Bundle or a single resource) into clinical facts about one patient. Codes are matched
/// against the value sets in <c>rules/</c>; quantities are converted to each analyte's unit; entered-in-error,
/// cancelled, refuted and not-done data never become facts; every skip is reported with its reason.
/// </summary>
/// <remarks>
/// Stateless and thread-safe: one instance serves every request. Extraction is a pure function of the input, the
/// value sets and <c>asOf</c> (used only for the patient's age).
/// </remarks>
public sealed class FactExtractor
{
    private readonly TerminologyCatalog _terminology;

    /// <summary>Initializes a new instance of the <see cref="FactExtractor"/> class.</summary>
    public FactExtractor(TerminologyCatalog terminology)
    {
        ArgumentNullException.ThrowIfNull(terminology);
        _terminology = terminology;
    }

    /// <summary>Extracts facts from a parse result, carrying its issues along; an unreadable input gives no facts.</summary>
    public FactSet Extract(FhirParseResult parsed, DateTimeOffset asOf, ExtractionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        if (!parsed.IsReadable)
        {
            return new FactSet { AsOf = asOf, Issues = parsed.Issues };
        }

        var run = new ExtractionRun(_terminology, new ResourceIndex(parsed.Resource!), asOf, options ?? ExtractionOptions.Default, parsed.Issues);
        return run.Execute();
    }

    /// <summary>Extracts facts from a resource: a Bundle (entries read in order) or a single resource.</summary>
    public FactSet Extract(Resource resource, DateTimeOffset asOf, ExtractionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var run = new ExtractionRun(_terminology, new ResourceIndex(resource), asOf, options ?? ExtractionOptions.Default);
        return run.Execute();
    }
}
