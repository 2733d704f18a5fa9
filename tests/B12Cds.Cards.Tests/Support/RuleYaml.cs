namespace B12Cds.Cards.Tests.Support;

/// <summary>Small rule YAML snippets for tests (items of a <c>rules:</c> list, see <see cref="Evaluations.LoadRules"/>).</summary>
internal static class RuleYaml
{
    /// <summary>A rule on the latest total B12 that emits one card, optionally in a group and with extra card keys (suggestions…).</summary>
    public static string Card(string id, string indicator, int priority, string? group = null, string cardExtra = "", string header = "") => $$"""
          - id: {{id}}
            title: Test rule {{id}}
            area: diagnosis
            priority: {{priority}}
        {{header}}
            citations:
              - { source: S1c, text: "NICE NG239" }
            when:
              - lab: b12-total
                as: b12
                select: latest
            then:
              - card:
                  indicator: {{indicator}}
                  summary: "{{id}}: total B12 {b12.result}"
        {{(group is null ? string.Empty : $"          group: {group}")}}
        {{cardExtra}}

        """;
}
