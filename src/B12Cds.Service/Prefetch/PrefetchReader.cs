using System.Globalization;
using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;

namespace B12Cds.Service.Prefetch;

/// <summary>What one prefetch value or one fetched page held, after checking it against its key.</summary>
/// <param name="Kind">Usable data, an OperationOutcome, or invalid data.</param>
/// <param name="Entries">The usable entries, each with its fullUrl.</param>
/// <param name="Problems">What was reported or dropped, in words.</param>
/// <param name="Next">The searchset's <c>next</c> link, if any.</param>
internal sealed record PageRead(PageKind Kind, IReadOnlyList<BundleEntry> Entries, IReadOnlyList<string> Problems, string? Next);

/// <summary>Whether a page can be used.</summary>
internal enum PageKind
{
    Data,
    OperationOutcome,
    Invalid,
}

/// <summary>
/// Reads one prefetch value (or one fetched page) for a key. A Bundle gives its entries' resources; entries of the
/// wrong type, about another patient, unreadable, or OperationOutcomes (<c>search.mode = outcome</c>) are dropped and
/// reported while the rest is used; when nothing usable is left the whole value is invalid. A single resource of the
/// wrong type, or a Patient that is not the context patient, makes the value invalid. An OperationOutcome on its own is
/// reported and not evaluated.
/// </summary>
internal static class PrefetchReader
{
    private const int MaxDiagnosticsLength = 160;
    private static readonly FhirJsonParser Parser = new();

    public static PageRead Read(ReadOnlySpan<byte> json, PrefetchArea area, string? patientId)
    {
        var parsed = Parser.Parse(json);
        if (!parsed.IsReadable)
        {
            var why = parsed.Issues.FirstOrDefault(i => i.IsError)?.Id;
            return Invalid($"the data is not readable FHIR JSON{(why is null ? string.Empty : $" ({why})")}");
        }

        switch (parsed.Resource)
        {
            case OperationOutcome outcome:
                return new PageRead(PageKind.OperationOutcome, [], [Describe(outcome)], null);

            case Bundle bundle:
                return ReadBundle(bundle, area, patientId);

            case Patient patient when area == PrefetchArea.Patient:
                return IsContextPatient(patient, patientId)
                    ? new PageRead(PageKind.Data, [new BundleEntry { Resource = patient }], [], null)
                    : Invalid("the Patient sent is not the patient in context");

            case { } resource when Expected(area).Contains(resource.ResourceType, StringComparer.Ordinal):
                return IsAboutPatient(resource, patientId)
                    ? new PageRead(PageKind.Data, [new BundleEntry { Resource = resource }], [], null)
                    : Invalid($"the {resource.ResourceType} sent is about another patient");

            case { } other:
                return Invalid($"expected {string.Join(" or ", Expected(area))} (or a Bundle of them), got {other.ResourceType}");

            default:
                return Invalid("the data is not readable FHIR JSON");
        }
    }

    /// <summary>Reads a Medication with the given id; null for anything else.</summary>
    public static Medication? ReadMedication(ReadOnlySpan<byte> json, string id) =>
        Parser.Parse(json).Resource is Medication m && (m.Id is null || string.Equals(m.Id, id, StringComparison.Ordinal)) ? m : null;

    /// <summary>Gets the resource types a key may hold (Medication resources come with medication searches that include them).</summary>
    public static IReadOnlyList<string> Expected(PrefetchArea area) => area switch
    {
        PrefetchArea.Patient => ["Patient"],
        PrefetchArea.Labs => ["Observation"],
        PrefetchArea.Conditions => ["Condition"],
        PrefetchArea.MedicationRequests => ["MedicationRequest", "Medication"],
        PrefetchArea.MedicationStatements => ["MedicationStatement", "Medication"],
        PrefetchArea.MedicationAdministrations => ["MedicationAdministration", "Medication"],
        PrefetchArea.Procedures => ["Procedure"],
        PrefetchArea.Allergies => ["AllergyIntolerance"],
        PrefetchArea.Findings => ["Observation"],
        _ => [],
    };

    private static PageRead ReadBundle(Bundle bundle, PrefetchArea area, string? patientId)
    {
        var kept = new List<BundleEntry>(bundle.Entry.Count);
        var problems = new List<string>();
        var outcomes = new List<OperationOutcome>();
        int unreadable = 0, otherPatient = 0;
        var wrongTypes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var expected = Expected(area);

        foreach (var entry in bundle.Entry)
        {
            switch (entry.Resource)
            {
                case null:
                    break;
                case OperationOutcome outcome:
                    outcomes.Add(outcome);
                    break;
                case InvalidResource:
                    unreadable++;
                    break;
                case Patient p when area == PrefetchArea.Patient && !IsContextPatient(p, patientId):
                    otherPatient++;
                    break;
                case { } r when !expected.Contains(r.ResourceType, StringComparer.Ordinal):
                    wrongTypes[r.ResourceType] = wrongTypes.GetValueOrDefault(r.ResourceType) + 1;
                    break;
                case { } r when !IsAboutPatient(r, patientId):
                    otherPatient++;
                    break;
                case { }:
                    kept.Add(entry);
                    break;
            }
        }

        problems.AddRange(outcomes.Select(Describe));
        if (unreadable > 0)
        {
            problems.Add($"{Count(unreadable, "unreadable entry", "unreadable entries")} dropped");
        }

        foreach (var (type, n) in wrongTypes)
        {
            problems.Add($"{Count(n, $"{type} entry", $"{type} entries")} dropped (expected {string.Join(" or ", expected)})");
        }

        if (otherPatient > 0)
        {
            problems.Add($"{Count(otherPatient, "entry", "entries")} about another patient dropped");
        }

        var next = bundle.Link.FirstOrDefault(l => string.Equals(l.Relation, "next", StringComparison.Ordinal))?.Url;
        var dropped = unreadable + otherPatient + wrongTypes.Values.Sum();
        if (kept.Count == 0 && dropped > 0)
        {
            return new PageRead(PageKind.Invalid, [], problems, null);
        }

        if (kept.Count == 0 && outcomes.Any(o => o.Issue.Any(i => i.Severity is "error" or "fatal")))
        {
            return new PageRead(PageKind.OperationOutcome, [], problems, null);
        }

        return new PageRead(PageKind.Data, kept, problems, next);
    }

    private static bool IsContextPatient(Patient patient, string? patientId) =>
        patientId is null || patient.Id is null || string.Equals(patient.Id, patientId, StringComparison.Ordinal);

    /// <summary>
    /// False only for a reference that names another patient (<c>Patient/other</c>, absolute or relative); other
    /// references (none, <c>urn:uuid:</c>, contained) are left to the fact extractor, which checks them again.
    /// </summary>
    private static bool IsAboutPatient(Resource resource, string? patientId)
    {
        var reference = PatientReferences.SubjectOf(resource);
        var value = reference?.ReferenceValue?.TrimEnd('/');
        if (patientId is null || value is null)
        {
            return true;
        }

        var at = value.LastIndexOf("Patient/", StringComparison.Ordinal);
        if (at < 0 || (at > 0 && value[at - 1] != '/'))
        {
            return true;
        }

        var id = value[(at + "Patient/".Length)..];
        var history = id.IndexOf('/', StringComparison.Ordinal);
        return string.Equals(history < 0 ? id : id[..history], patientId, StringComparison.Ordinal);
    }

    private static string Describe(OperationOutcome outcome)
    {
        var issue = outcome.Issue.OrderByDescending(i => Rank(i.Severity)).FirstOrDefault();
        if (issue is null)
        {
            return "the EHR sent an OperationOutcome without issues";
        }

        var text = issue.Details?.Text ?? issue.Diagnostics;
        if (text is { Length: > MaxDiagnosticsLength })
        {
            text = string.Concat(text.AsSpan(0, MaxDiagnosticsLength), "…");
        }

        return $"the EHR reported {issue.Severity ?? "an issue"} ({issue.Code ?? "no code"}){(string.IsNullOrWhiteSpace(text) ? string.Empty : $": {text}")}";
    }

    private static int Rank(string? severity) => severity switch
    {
        "fatal" => 3,
        "error" => 2,
        "warning" => 1,
        _ => 0,
    };

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n.ToString(CultureInfo.InvariantCulture)} {many}";

    private static PageRead Invalid(string problem) => new(PageKind.Invalid, [], [problem], null);
}
