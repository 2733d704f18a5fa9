namespace B12Cds.Testing;

/// <summary>
/// DX-04 as it was first written, self-contained (no parameters), and scenarios for it: the rule the command-line
/// tests (lint, test, simulate) and the scenario reader, runner and simulator tests run, so their expectations (line
/// numbers, fire counts, diffs) do not move as the real rule set grows.
/// </summary>
public static class Dx04Snapshot
{
    public const string Rules = """
        # DX-04 alone, for the command-line tests.
        version: 2026.11.0
        derived:
          b12-status:
            fields: { state: text, result: lab }

        rules:
          - id: DX-04
            title: Total B12 below 180 ng/L (133 pmol/L) confirms deficiency
            area: diagnosis
            priority: 100
            citations:
              - { source: S1c, text: "NICE NG239 thresholds", url: "https://www.nice.org.uk/guidance/ng239" }
            when:
              - lab: b12-total
                as: b12
                select: latest
                within: 180 days
                where: reported < 180 ng/L or reported < 133 pmol/L
            then:
              - derive: b12-status
                with: { state: deficient, result: b12 }
              - card:
                  indicator: warning
                  summary: "Vitamin B12 deficiency confirmed: total B12 {b12.result} ({b12.effective:date})"

        """;

    public const string Scenarios = """
        scenarios:
          - name: DX-04 fires on 150 ng/L in a vegan patient
            at: 2026-11-01
            profile: uk
            given:
              bundle: ../../fhir-samples/vegan-dietary-deficiency.json
            expect:
              fired: [DX-04]
              cards:
                - { rule: DX-04, indicator: warning, summaryContains: "150 ng/L" }
              facts:
                - { type: b12-status, state: deficient }

          - name: "Near miss: 140 pmol/L after ileal resection"
            at: 2026-11-01
            profile: uk
            given:
              bundle: ../../fhir-samples/crohns-ileal-resection.json
            expect:
              notFired: [DX-04]

          - name: "Near miss: normal results"
            at: 2026-11-01
            given:
              bundle: ../../fhir-samples/normal-results.json
            expect:
              notFired: [DX-04]
              noCards: true

        """;
}
