using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace B12Cds.Benchmarks;

/// <summary>
/// Writes a synthetic rules folder of N rules shaped like the real B12 rules, next to a copy of the real
/// <c>valuesets/</c>, <c>parameters.yaml</c> and <c>regimens.yaml</c>, so the engine can be measured at 10 and 100
/// times today's size.
/// </summary>
/// <remarks>
/// Rules go 50 to a file (<c>b12/generated-000.yaml</c>…) and cycle through ten shapes from the B12 catalogue:
/// a total B12 threshold (<c>select: latest</c> or <c>min value</c>, <c>within</c>, a quantity <c>where</c> in ng/L
/// or pmol/L, a card with templates; the file's first one also <c>derive</c>s a status); MMA with <c>not</c> a
/// neurological finding; folate with <c>exists</c> folic acid; metformin or a PPI without B12 replacement; a
/// <c>count</c> of injections; a haemoglobin <c>trend</c>; a chain (status → flag → card, each file with its own
/// derived types); patient age with a finding; <c>select: max value</c> with a <c>check</c>; a gastrectomy or a B12
/// deficiency finding without oral B12 that suggests and puts a regimen on the CarePlan. Thresholds and windows vary
/// with the rule number, so on the sample patient about four rules in ten fire.
/// </remarks>
internal static partial class RuleSetGenerator
{
    /// <summary>Rules per generated file.</summary>
    public const int RulesPerFile = 50;

    private static readonly string[] Areas = ["diagnosis", "pernicious-anemia", "malabsorption", "diet", "medication", "neurologic-urgency", "regimen", "monitoring", "non-response", "safety"];

    /// <summary>Creates a temporary rules folder with <paramref name="ruleCount"/> generated rules; delete it with <see cref="Delete"/>.</summary>
    /// <param name="ruleCount">How many rules.</param>
    /// <param name="calendarWindows">Write every look-back window in months or years instead of days (see <see cref="Write"/>).</param>
    public static string CreateTemporary(int ruleCount, bool calendarWindows = false)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"b12cds-bench-{ruleCount}-{Guid.NewGuid():N}");
        Write(folder, ruleCount, calendarWindows);
        return folder;
    }

    /// <summary>Writes the generated rules and a copy of the real value sets, parameters and regimens into <paramref name="folder"/>.</summary>
    /// <param name="folder">The folder to write.</param>
    /// <param name="ruleCount">How many rules.</param>
    /// <param name="calendarWindows">
    /// Write every <c>within:</c> in months (<c>$lookback_dx</c> as 6 months, 90 days as 3 months) instead of days. The
    /// rules mean nearly the same, but the engine adds months on the calendar and converts days through exact unit
    /// arithmetic; comparing the two shows what that conversion costs.
    /// </param>
    public static void Write(string folder, int ruleCount, bool calendarWindows = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ruleCount);
        Directory.CreateDirectory(Path.Combine(folder, "b12"));
        CopyDirectory(Path.Combine(RepoFiles.Rules, "valuesets"), Path.Combine(folder, "valuesets"));
        File.Copy(Path.Combine(RepoFiles.Rules, "parameters.yaml"), Path.Combine(folder, "parameters.yaml"));
        File.Copy(Path.Combine(RepoFiles.Rules, "regimens.yaml"), Path.Combine(folder, "regimens.yaml"));

        for (var file = 0; file * RulesPerFile < ruleCount; file++)
        {
            var first = file * RulesPerFile;
            var count = Math.Min(RulesPerFile, ruleCount - first);
            var text = RuleFile(file, first, count);
            File.WriteAllText(Path.Combine(folder, "b12", $"generated-{file:000}.yaml"), calendarWindows ? InMonths(text) : text);
        }
    }

    /// <summary>Deletes a folder made by <see cref="CreateTemporary"/>.</summary>
    public static void Delete(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>One rule file: its derived types (one status and one flag per file, so chaining stays within a file) and its rules.</summary>
    internal static string RuleFile(int file, int first, int count)
    {
        var status = $"gen{file}-status";
        var flag = $"gen{file}-flag";
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $$"""
            # Generated for benchmarks: {{count}} rules shaped like the B12 catalogue.
            version: 2026.11.{{file}}
            derived:
              {{status}}:
                description: What the latest total B12 says (generated).
                fields:
                  state: text
                  result: lab
              {{flag}}:
                description: A follow-up flag derived from {{status}} (generated).
                fields:
                  reason: text
                  basis: {{status}}

            rules:

            """);
        for (var i = 0; i < count; i++)
        {
            var n = first + i;

            // The first rules of each file derive and chain, so every derived type has a producer (the loader checks).
            var shape = i switch
            {
                0 => 0,
                1 => 6,
                _ => n % 10,
            };
            sb.Append(Rule(shape, n, derives: i == 0, status, flag, chainStep: i == 1 ? 1 : 2));
        }

        return sb.ToString();
    }

    private static string Rule(int shape, int n, bool derives, string status, string flag, int chainStep)
    {
        var id = Id(n);
        var area = Areas[n % Areas.Length];
        var priority = 100 - (n % 7 * 10);
        var header = $$"""
              - id: {{id}}
                title: Generated rule {{n}} ({{ShapeName(shape)}})
                area: {{area}}
                priority: {{priority}}
                citations:
                  - { source: S1c, text: "NICE NG239 (generated benchmark rule {{n}})", url: "https://www.nice.org.uk/guidance/ng239" }

            """;
        var threshold = 120 + (n % 9 * 10);
        var body = shape switch
        {
            0 => $$"""
                    when:
                      - lab: b12-total
                        as: b12
                        select: {{(n % 2 == 0 ? "min value" : "latest")}}
                        within: {{(n % 2 == 0 ? "2 years" : "$lookback_dx")}}
                        where: reported < {{threshold * 1355 / 1000}} ng/L or reported < {{threshold}} pmol/L
                    then:
                {{(derives ? $$"""
                      - derive: {{status}}
                        with: { state: deficient, result: b12 }

                """ : string.Empty)}}      - card:
                          indicator: warning
                          summary: "Total B12 {b12.result} ({b12.effective:date}) below {{threshold}} pmol/L"
                          detail: |
                            **Found:** total B12 {b12.result} on {b12.effective:date}, below {{threshold}} pmol/L.

                            **What to do:** look for the cause and start replacement.
                          links:
                            - { label: "NICE NG239", url: "https://www.nice.org.uk/guidance/ng239" }

                """,
            1 => $$"""
                    when:
                      - lab: mma-serum
                        as: mma
                        select: latest
                        within: $lookback_dx
                        where: value > {{0.2m + (n % 5 * 0.1m)}} umol/L
                      - not: { finding: neurological-features, where: status = active }
                    then:
                      - card:
                          indicator: info
                          summary: "MMA {mma.result} ({mma.effective:date}) raised, no neurological features recorded"
                          detail: "Raised MMA supports functional B12 deficiency; check renal function ({mma.value})."

                """,
            2 => $$"""
                    when:
                      - lab: folate-serum
                        as: folate
                        select: latest
                        within: {{90 + (n % 4 * 90)}} days
                        where: value < {{2 + (n % 4)}} ug/L
                      - exists: { medication: folic-acid, where: status = active }
                    then:
                      - card:
                          indicator: warning
                          summary: "Folate {folate.result} low while on folic acid: check B12 before continuing"
                          suggestions:
                            - { label: "Order total B12", order: b12-total }

                """,
            3 => $$"""
                    when:
                      - medication: {{(n % 2 == 0 ? "metformin" : "ppi")}}
                        as: med
                        select: latest
                        where: status = active
                      - not: { medication: b12-replacement, where: "status in [active, proposed]" }
                    then:
                      - card:
                          indicator: info
                          summary: "{med.label} since {med.start:date}: consider checking B12"
                          detail: "Long-term use lowers B12 absorption ({med.source})."

                """,
            4 => $$"""
                    when:
                      - count: { administration: b12-replacement, within: {{30 + (n % 6 * 60)}} days }
                        as: doses
                        where: count >= {{1 + (n % 3)}}
                    then:
                      - card:
                          indicator: info
                          summary: "{doses.count} B12 injections recorded in the last {{30 + (n % 6 * 60)}} days: check the loading course"

                """,
            5 => $$"""
                    when:
                      - trend: { lab: hemoglobin, of: value, within: {{1 + (n % 3)}} years }
                        as: hb
                        where: change < $hb_rise_min and days >= {{28 + (n % 4 * 28)}}
                    then:
                      - card:
                          indicator: warning
                          summary: "Haemoglobin rose {hb.change} over {hb.days} days: poor response"
                          detail: "First {hb.first.value} on {hb.first.effective:date}, last {hb.last.value} on {hb.last.effective:date}. Check adherence, iron and folate."

                """,
            6 => chainStep == 1
                ? $$"""
                    when:
                      - {{status}}:
                        as: s
                        where: state = deficient
                      - not: { medication: b12-replacement, where: status = active and route = route-oral }
                    then:
                      - derive: {{flag}}
                        with: { reason: untreated, basis: s }

                """
                : $$"""
                    when:
                      - {{flag}}:
                        as: f
                        where: reason = untreated
                      - lab: mcv
                        as: mcv
                        select: latest
                    then:
                      - card:
                          indicator: critical
                          summary: "Deficiency without oral B12; latest MCV {mcv.result} ({mcv.effective:date})"
                          detail: "Derived from {f.basis.result}."

                """,
            7 => $$"""
                    when:
                      - patient:
                        as: p
                        where: age >= {{16 + (n % 60)}}
                      - finding: {{(n % 2 == 0 ? "pernicious-anaemia" : "autoimmune-gastritis")}}
                        as: pa
                        select: latest
                        where: status = active
                    then:
                      - card:
                          indicator: info
                          summary: "{pa.label} at age {p.age}: lifelong replacement and review"

                """,
            8 => $$"""
                    when:
                      - lab: mcv
                        as: mcv
                        select: max value
                        within: $lookback_fbc
                      - lab: hemoglobin
                        as: hb
                        select: latest
                        within: $lookback_fbc
                      - check: mcv.value > {{90 + (n % 4 * 5)}} fL and hb.value < {{110 + (n % 4 * 10)}} g/L
                    then:
                      - card:
                          indicator: info
                          summary: "Macrocytic anaemia: MCV {mcv.value}, Hb {hb.value}"

                """,
            _ => $$"""
                    profiles: [uk]
                    when:
                      - {{(n % 2 == 0 ? "procedure: gastrectomy" : "finding: b12-deficiency")}}
                        as: cause
                        select: latest
                      - not: { medication: b12-replacement, where: status = active and route = route-oral }
                    then:
                      - card:
                          indicator: warning
                          summary: "{cause.label} ({cause.source}) without oral B12: consider IM replacement"
                          suggestions:
                            - { label: "Start hydroxocobalamin", regimen: uk-im-no-neuro, recommended: true }
                      - careplan: uk-im-no-neuro

                """,
        };

        return header + body;
    }

    /// <summary>Rewrites every look-back window in whole months.</summary>
    internal static string InMonths(string yaml) =>
        DaysWindow().Replace(
            yaml.Replace("within: $lookback_dx", "within: 6 months", StringComparison.Ordinal).Replace("within: $lookback_fbc", "within: 3 months", StringComparison.Ordinal),
            m => $"within: {Math.Max(1, (int)Math.Round(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) / 30.0))} months");

    /// <summary>A catalogue-style id (AREA-NNN) unique for any n under 675,000: GAA-001…GAA-999, GAB-001….</summary>
    internal static string Id(int n)
    {
        var block = n / 999;
        return $"G{(char)('A' + (block / 26 % 26))}{(char)('A' + (block % 26))}-{(n % 999) + 1:000}";
    }

    private static string ShapeName(int shape) => shape switch
    {
        0 => "lab threshold",
        1 => "lab, not finding",
        2 => "lab, exists medication",
        3 => "medication, not medication",
        4 => "count",
        5 => "trend",
        6 => "chained derived fact",
        7 => "patient and finding",
        8 => "select max and check",
        _ => "procedure or finding, and careplan",
    };

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }

    [GeneratedRegex(@"within: (\d+) days")]
    private static partial Regex DaysWindow();
}
