using System.Globalization;
using B12Cds.Facts.Terminology;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Model;

namespace B12Cds.Service.Prefetch;

/// <summary>
/// Derives the CDS Hooks prefetch templates of a service from what the loaded rules read, so an informaticist who adds
/// a lab analyte or a rule over procedures changes discovery without code.
/// </summary>
/// <remarks>
/// <para>
/// The templates keep to CDS Hooks 2.0: the only tokens are <c>{{context.patientId}}</c> (a root-level primitive
/// context field), and the queries use the recommended subset only (instance read; search by patient reference; token
/// equality with comma-separated alternatives; a date with <c>ge</c>; <c>_count</c>; <c>_sort</c>).
/// </para>
/// <para>
/// <b>Required keys</b> are those whose absence could make the advice wrong, not merely incomplete:
/// <c>patient</c> (age: the adult rules must not run for a child), <c>labs</c> (the service interprets results; without
/// them it would say "no B12 result"), <c>conditions</c> (pernicious anaemia, pregnancy, causes), <c>medicationRequests</c>
/// and <c>medicationStatements</c> (being on B12 replacement changes what a B12 result means and what to advise), and
/// <c>allergies</c> (a cobalt or cobalamin allergy is a safety alert for injections; its absence would hide it).
/// <c>medicationAdministrations</c>, <c>procedures</c> and <c>findings</c> are optional: injections given, surgery done
/// and findings recorded as Observations (pregnancy status, symptoms, diet) are usually also on the medication list and
/// the problem list, and their absence makes advice incomplete (said on a card) rather than unsafe.
/// </para>
/// <para>
/// <b>The lab date bound.</b> CDS Hooks 2.0 has no "today" token, so a template cannot say "the last 12 months". The
/// <c>labs</c> template carries a literal <c>date=ge{date}</c> computed when discovery is answered: the service's date
/// minus the longer of the rule set's longest look-back parameter and <see cref="PrefetchOptions.MinimumLabHistory"/>.
/// It is valid (a date with <c>ge</c> is in the recommended subset) and it moves on as the EHR re-reads discovery; an
/// EHR that caches discovery for a long time fetches a little more history, never less. <c>_sort=-date</c> makes any
/// page limit drop the oldest results first. Some rules read results with no window (an intrinsic factor antibody ever
/// tested), which is why the bound is not simply the longest window.
/// </para>
/// <para>
/// <b>Lab codes</b> are every code of every analyte in the rule set's lab catalogue, whatever its evidence status
/// (<c>confirmed</c>, <c>single-source</c>, <c>unconfirmed</c>): the fact extractor matches results by all of them, and
/// the data fetched must be what the rules would read from a Bundle holding the same results. The status marks codes to
/// verify before release, in the value-set files, not codes to ignore at run time. Results coded only locally and
/// matched by text cannot be searched for; an EHR that codes labs that way must prefetch them. The same holds for
/// <c>findings</c>: an Observation is found by its code (pregnancy status, a coded symptom), not by a coded value under
/// a generic code (diet: vegan), which only a prefetch can bring.
/// </para>
/// <para>
/// <b>Statuses</b> are those the fact extractor reads: it skips cancelled and entered-in-error orders, not-taken
/// statements and not-done administrations, and it needs completed and stopped ones for history. Draft orders are not
/// prefetched: in order-select and order-sign they arrive in <c>context.draftOrders</c>, and a stored draft is nobody's
/// current order in patient-view.
/// </para>
/// </remarks>
public static class PrefetchTemplates
{
    /// <summary>The token for the patient in context.</summary>
    public const string PatientToken = "{{context.patientId}}";

    /// <summary>Gets the hooks the service answers.</summary>
    public static IReadOnlyList<string> Hooks { get; } = ["patient-view", "order-select", "order-sign"];

    /// <summary>Derives the templates for <paramref name="hook"/> from <paramref name="ruleSet"/>, in a fixed order.</summary>
    /// <param name="ruleSet">The rule set: what its active rules read, its lab catalogue and its look-back parameters.</param>
    /// <param name="hook">patient-view, order-select or order-sign.</param>
    /// <param name="asOf">The service's time when discovery is answered (the lab date bound counts back from its UTC date).</param>
    /// <param name="options">The lab history floor and page size.</param>
    /// <exception cref="ArgumentException"><paramref name="hook"/> is not one of <see cref="Hooks"/>.</exception>
    public static IReadOnlyList<PrefetchTemplate> For(RuleSet ruleSet, string hook, DateTimeOffset asOf, PrefetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(hook);
        ArgumentNullException.ThrowIfNull(options);
        if (!Hooks.Contains(hook, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Unknown hook '{hook}': expected one of {string.Join(", ", Hooks)}.", nameof(hook));
        }

        // The same data serves every hook: order-select and order-sign add the draft orders from the context.
        var reads = ruleSet.Rules
            .Where(r => r.Status == RuleStatus.Active)
            .SelectMany(r => r.Reads)
            .ToHashSet(StringComparer.Ordinal);
        var count = options.PageSize.ToString(CultureInfo.InvariantCulture);
        var templates = new List<PrefetchTemplate>
        {
            // Always: whose data it is, and the age every adult rule depends on.
            new("patient", PrefetchArea.Patient, $"Patient/{PatientToken}", Required: true),
        };

        if (reads.Contains("lab") && LabCodes(ruleSet) is { Length: > 0 } codes)
        {
            var since = LabSince(ruleSet, asOf, options).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            templates.Add(new("labs", PrefetchArea.Labs, $"Observation?patient={PatientToken}&code={codes}&date=ge{since}&_sort=-date&_count={count}", Required: true));
        }

        if (reads.Contains("finding"))
        {
            templates.Add(new("conditions", PrefetchArea.Conditions, $"Condition?patient={PatientToken}&_count={count}", Required: true));
        }

        if (reads.Contains("medication"))
        {
            templates.Add(new("medicationRequests", PrefetchArea.MedicationRequests, $"MedicationRequest?patient={PatientToken}&status=active,on-hold,completed,stopped,unknown&_count={count}", Required: true));
            templates.Add(new("medicationStatements", PrefetchArea.MedicationStatements, $"MedicationStatement?patient={PatientToken}&status=active,completed,intended,stopped,on-hold,unknown&_count={count}", Required: true));
        }

        if (reads.Contains("administration"))
        {
            templates.Add(new("medicationAdministrations", PrefetchArea.MedicationAdministrations, $"MedicationAdministration?patient={PatientToken}&status=in-progress,on-hold,completed,stopped,unknown&_count={count}", Required: false));
        }

        if (reads.Contains("procedure"))
        {
            templates.Add(new("procedures", PrefetchArea.Procedures, $"Procedure?patient={PatientToken}&_count={count}", Required: false));
        }

        if (reads.Contains("allergy"))
        {
            templates.Add(new("allergies", PrefetchArea.Allergies, $"AllergyIntolerance?patient={PatientToken}&_count={count}", Required: true));
        }

        if (reads.Contains("finding") && FindingCodes(ruleSet) is { Length: > 0 } findingCodes)
        {
            templates.Add(new("findings", PrefetchArea.Findings, $"Observation?patient={PatientToken}&code={findingCodes}&_sort=-date&_count={count}", Required: false));
        }

        return templates;
    }

    /// <summary>Gets the earliest result date the <c>labs</c> template asks for.</summary>
    public static DateOnly LabSince(RuleSet ruleSet, DateTimeOffset asOf, PrefetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(options);
        var today = DateOnly.FromDateTime(asOf.UtcDateTime);
        var floor = today.AddDays(-(int)Math.Ceiling(options.MinimumLabHistory.TotalDays));
        var earliest = floor;
        foreach (var parameter in ruleSet.Parameters.Values)
        {
            if (parameter.Value.Kind == ValueKind.Duration && Before(today, parameter.Value) is { } start && start < earliest)
            {
                earliest = start;
            }
        }

        return earliest;
    }

    /// <summary>The analytes' codes as <c>system|code</c>, comma-separated, sorted (prefix codes cannot be searched and are left out).</summary>
    private static string LabCodes(RuleSet ruleSet) => string.Join(
        ',',
        ruleSet.Terminology.Analytes.Values
            .SelectMany(a => a.Codes)
            .Where(c => !c.IsPrefix)
            .Select(c => $"{Escape(c.System)}|{Escape(c.Code)}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal));

    /// <summary>
    /// The codes of the finding value sets an Observation can carry as its code (SNOMED CT, LOINC, local codes; not
    /// ICD-10-CM, a classification of diagnoses), as <c>system|code</c>, sorted.
    /// </summary>
    private static string FindingCodes(RuleSet ruleSet) => string.Join(
        ',',
        ruleSet.Terminology.ValueSets.Values
            .Where(v => v.Domain is null or "finding")
            .SelectMany(v => v.Codes)
            .Where(c => !c.IsPrefix && !string.Equals(c.System, CodeSystems.Icd10Cm, StringComparison.Ordinal))
            .Select(c => $"{Escape(c.System)}|{Escape(c.Code)}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal));

    /// <summary>Escapes FHIR search's own special characters in a token part (a code or system with a comma, bar or dollar).</summary>
    private static string Escape(string value) =>
        Uri.EscapeDataString(value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal).Replace("$", "\\$", StringComparison.Ordinal))
            .Replace("%3A", ":", StringComparison.Ordinal)
            .Replace("%2F", "/", StringComparison.Ordinal);

    /// <summary>The date a duration before <paramref name="today"/>; null for a unit that is not a length of time.</summary>
    private static DateOnly? Before(DateOnly today, Value duration)
    {
        var amount = (int)Math.Ceiling(duration.Number);
        return duration.Unit switch
        {
            "h" => today.AddDays(-(int)Math.Ceiling(duration.Number / 24)),
            "d" => today.AddDays(-amount),
            "wk" => today.AddDays(-7 * amount),
            "mo" => today.AddMonths(-amount),
            "a" => today.AddYears(-amount),
            _ => null,
        };
    }
}
