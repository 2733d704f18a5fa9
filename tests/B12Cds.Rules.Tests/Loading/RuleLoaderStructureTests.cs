using B12Cds.Rules.Loading;
using B12Cds.Rules.Tests.Support;

namespace B12Cds.Rules.Tests.Loading;

/// <summary>Rule file structure: YAML syntax, keys (unknown, missing, duplicate) and allowed values, each reported at its exact position.</summary>
public sealed class RuleLoaderStructureTests : RuleTestFixture
{
    [Fact]
    public void Load_ValidRule_BuildsWithoutDiagnostics()
    {
        // Arrange
        const string yaml = """
            version: 2026.11.0
            rules:
              - id: DX-01
                title: Low B12
                area: diagnosis
                priority: 7
                citations:
                  - { source: S1c, text: "NICE NG239", url: "https://www.nice.org.uk/guidance/ng239" }
                  - S4
                description: A test rule.
                when:
                  - lab: b12-total
                    as: b12
                    where: value < 133 pmol/L
                then:
                  - card: { indicator: info, summary: "Low B12 {b12.value}" }
            """;

        // Act
        var result = Load(yaml);

        // Assert
        Assert.Empty(result.Diagnostics);
        Assert.True(result.Succeeded);
        var rule = Assert.Single(result.RuleSet!.Rules);
        Assert.Equal("DX-01", rule.Id);
        Assert.Equal("Low B12", rule.Title);
        Assert.Equal("diagnosis", rule.Area);
        Assert.Equal(7, rule.Priority);
        Assert.Equal(Model.RuleStatus.Active, rule.Status);
        Assert.Empty(rule.Profiles);
        Assert.Equal([new Model.Citation("S1c", "NICE NG239", "https://www.nice.org.uk/guidance/ng239"), new Model.Citation("S4", null, null)], rule.Citations);
        Assert.Equal(new Facts.Terminology.SourceLocation(RulesFile, 3, 9), rule.Location);
        Assert.Equal(["lab"], rule.Reads);
        Assert.Empty(rule.Derives);
        Assert.Same(rule, result.RuleSet.ById["DX-01"]);
    }

    [Fact]
    public void Load_YamlSyntaxError_Rule001AtTheUnclosedQuote()
    {
        // Arrange
        const string yaml = """
            version: 2026.11.0
            rules:
              - id: DX-01
                title: "unclosed
            """;

        // Act
        var result = Load(yaml);

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.YamlSyntax, 4, 12);
        Assert.Contains("YAML syntax error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_YamlSyntaxErrorInOneFile_OtherFilesStillChecked()
    {
        // Arrange
        var good = RuleFile(Rule("DX-01", "- lab: b12-tota"));

        // Act
        var result = LoadFiles(("a.yaml", "rules: [\n"), ("b.yaml", good));

        // Assert
        Assert.Null(result.RuleSet);
        Assert.Contains(result.Diagnostics, d => d.Id == RuleDiagnosticIds.YamlSyntax && d.Location.File == "a.yaml");
        Assert.Contains(result.Diagnostics, d => d.Id == RuleDiagnosticIds.UnknownValueSet && d.Location.File == "b.yaml");
    }

    [Fact]
    public void Load_MisspelledConditionKey_Rule002WithSuggestion()
    {
        // Arrange
        const string yaml = """
            version: 2026.11.0
            rules:
              - id: DX-01
                title: Low B12
                area: diagnosis
                citations: [S1]
                when:
                  - lab: b12-total
                    as: b12
                    wehre: value < 133 pmol/L
                then:
                  - card: { indicator: info, summary: x }
            """;

        // Act
        var result = Load(yaml);

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.UnknownKey, 10, 9);
        Assert.Contains("'wehre'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'where'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MisspelledConditionKeyBeforeTheFactType_Rule002OnTheMisspelledKey()
    {
        // Arrange
        const string yaml = """
            version: 2026.11.0
            rules:
              - id: DX-01
                title: Low B12
                area: diagnosis
                citations: [S1]
                when:
                  - wehre: value < 133 pmol/L
                    lab: b12-total
                then:
                  - card: { indicator: info, summary: x }
            """;

        // Act
        var result = Load(yaml);

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.UnknownKey, 8, 9);
        Assert.Contains("Did you mean 'where'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MisspelledRuleKey_Rule002WithSuggestionAndTheKeyIsMissing()
    {
        // Arrange
        const string yaml = """
            version: 2026.11.0
            rules:
              - id: DX-01
                titel: Low B12
                area: diagnosis
                citations: [S1]
                when:
                  - lab: b12-total
                then:
                  - card: { indicator: info, summary: x }
            """;

        // Act
        var result = Load(yaml);

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.UnknownKey, 4, 5);
        Assert.Contains("Did you mean 'title'?", error.Message, StringComparison.Ordinal);
        var missing = AssertError(result, RuleDiagnosticIds.MissingKey, 3, 5);
        Assert.Contains("needs 'title'", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MisspelledCardKey_Rule002WithSuggestionAndSummaryMissing()
    {
        // Arrange
        const string yaml = """
            version: 2026.11.0
            rules:
              - id: DX-01
                title: Low B12
                area: diagnosis
                citations: [S1]
                when:
                  - lab: b12-total
                then:
                  - card: { indicator: info, sumary: x }
            """;

        // Act
        var result = Load(yaml);

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.UnknownKey, 10, 34);
        Assert.Contains("Did you mean 'summary'?", error.Message, StringComparison.Ordinal);
        AssertError(result, RuleDiagnosticIds.MissingKey, 10, 15);
    }

    [Fact]
    public void Load_UnknownFileKey_Rule002()
    {
        // Arrange
        const string yaml = """
            version: 2026.11.0
            rulez: []
            rules:
              - id: DX-01
                title: Low B12
                area: diagnosis
                citations: [S1]
                when: [ { lab: b12-total } ]
                then: [ { card: { indicator: info, summary: x } } ]
            """;

        // Act
        var result = Load(yaml);

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.UnknownKey, 2, 1);
        Assert.Contains("Did you mean 'rules'?", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> RequiredKeys => ["id", "title", "area", "citations", "when", "then"];

    [Theory]
    [MemberData(nameof(RequiredKeys))]
    public void Load_RequiredRuleKeyMissing_Rule003AtTheRule(string key)
    {
        // Arrange: the rule starts with 'description', so its position is fixed whatever is left out.
        var parts = new Dictionary<string, string>
        {
            ["id"] = "    id: DX-01\n",
            ["title"] = "    title: Low B12\n",
            ["area"] = "    area: diagnosis\n",
            ["citations"] = "    citations: [S1]\n",
            ["when"] = "    when:\n      - lab: b12-total\n",
            ["then"] = "    then:\n      - card: { indicator: info, summary: x }\n",
        };
        var yaml = "version: 2026.11.0\nrules:\n  - description: test\n" + string.Concat(parts.Where(p => p.Key != key).Select(p => p.Value));

        // Act
        var result = Load(yaml);

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.MissingKey, 3, 5);
        Assert.Contains($"needs '{key}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("citations: []", 3, 5, "at least one citation")]
    [InlineData("when: []", 7, 11, "at least one condition")]
    [InlineData("then: []", 8, 11, "at least one action")]
    public void Load_EmptyRequiredList_Rule003(string replacement, int line, int column, string message)
    {
        // Arrange
        var lines = new List<string>
        {
            "version: 2026.11.0",
            "rules:",
            "  - id: DX-01",
            "    title: Low B12",
            "    area: diagnosis",
            "    citations: [S1]",
            "    when: [ { lab: b12-total } ]",
            "    then: [ { card: { indicator: info, summary: x } } ]",
        };
        var key = replacement.Split(':')[0];
        var index = lines.FindIndex(l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal));
        lines[index] = "    " + replacement;

        // Act
        var result = Load(string.Join("\n", lines) + "\n");

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.MissingKey, line, column);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("area: diagnostic", 5, 11, "Did you mean 'diagnosis'?")]
    [InlineData("status: live", 5, 13, "draft, active, retired")]
    [InlineData("profiles: [uk, eu]", 5, 20, "use us or uk")]
    [InlineData("priority: high", 5, 15, "whole number")]
    [InlineData("id: DX4", 3, 9, "AREA-NN")]
    public void Load_InvalidHeaderValue_Rule004AtTheValue(string line, int expectedLine, int column, string message)
    {
        // Arrange
        var yaml = line.StartsWith("id:", StringComparison.Ordinal)
            ? $"version: 2026.11.0\nrules:\n  - {line}\n    title: t\n    area: diagnosis\n    citations: [S1]\n    when: [ {{ lab: b12-total }} ]\n    then: [ {{ card: {{ indicator: info, summary: x }} }} ]\n"
            : $"version: 2026.11.0\nrules:\n  - id: DX-01\n    title: t\n    {line}\n    {(line.StartsWith("area", StringComparison.Ordinal) ? string.Empty : "area: diagnosis\n    ")}citations: [S1]\n    when: [ {{ lab: b12-total }} ]\n    then: [ {{ card: {{ indicator: info, summary: x }} }} ]\n";

        // Act
        var result = Load(yaml);

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.InvalidValue, expectedLine, column);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidIndicator_Rule004AtTheValue()
    {
        // Arrange
        const string yaml = """
            version: 2026.11.0
            rules:
              - id: DX-01
                title: Low B12
                area: diagnosis
                citations: [S1]
                when:
                  - lab: b12-total
                then:
                  - card: { indicator: urgent, summary: x }
            """;

        // Act
        var result = Load(yaml);

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.InvalidValue, 10, 28);
        Assert.Contains("info, warning, critical", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("newest", "not a selection")]
    [InlineData("min", "not a selection")]
    [InlineData("max status", "no number, quantity or date field 'status'")]
    [InlineData("min valeu", "no number, quantity or date field 'valeu'")]
    public void Load_InvalidSelect_Rule004AtTheValue(string select, string message)
    {
        // Arrange
        var yaml = $"""
            version: 2026.11.0
            rules:
              - id: DX-01
                title: Low B12
                area: diagnosis
                citations: [S1]
                when:
                  - lab: b12-total
                    select: {select}
                then:
                  - card: {"{"} indicator: info, summary: x {"}"}
            """;

        // Act
        var result = Load(yaml);

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.InvalidValue, 9, 17);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SelectLatestOnAnUndatedType_Rule004()
    {
        // Arrange
        const string yaml = """
            version: 2026.11.0
            rules:
              - id: DX-01
                title: t
                area: diagnosis
                citations: [S1]
                when:
                  - allergy: cobalt-allergy
                    select: latest
                    within: 1 year
                then:
                  - card: { indicator: info, summary: x }
            """;

        // Act
        var result = Load(yaml);

        // Assert
        var errors = result.Errors.Where(e => e.Id == RuleDiagnosticIds.InvalidValue).OrderBy(e => e.Location.Line).ToList();
        Assert.Equal([(9, 17), (10, 17)], errors.Select(e => (e.Location.Line, e.Location.Column)));
        Assert.All(errors, e => Assert.Contains("allergy facts have no date", e.Message, StringComparison.Ordinal));
        Assert.Null(result.RuleSet);
    }

    [Fact]
    public void Load_DuplicateKey_Rule005AtTheSecond()
    {
        // Arrange
        const string yaml = """
            version: 2026.11.0
            rules:
              - id: DX-01
                title: Low B12
                area: diagnosis
                title: Again
                citations: [S1]
                when: [ { lab: b12-total } ]
                then: [ { card: { indicator: info, summary: x } } ]
            """;

        // Act
        var result = Load(yaml);

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.DuplicateKey, 6, 5);
        Assert.Contains("first at line 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileWithoutRulesParametersOrRegimens_Rule016()
    {
        // Act
        var result = LoadFiles(("rules.yaml", RuleFile(Rule("DX-01", "- lab: b12-total"))), ("other.yaml", "version: 2026.11.0\nvalueSets: []\n"));

        // Assert
        AssertError(result, RuleDiagnosticIds.Structure, 1, 1, "other.yaml");
    }

    [Fact]
    public void Load_NoRuleFile_Rule016()
    {
        // Act
        var result = LoadFiles(("parameters.yaml", "version: 2026.11.0\nparameters:\n  a: 1\n"));

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(RuleDiagnosticIds.Structure, error.Id);
        Assert.Null(result.RuleSet);
    }

    [Fact]
    public void Load_InvalidVersion_Rule004()
    {
        // Act
        var result = Load(RuleFile(Rule("DX-01", "- lab: b12-total")).Replace("2026.11.0", "v1", StringComparison.Ordinal));

        // Assert
        AssertError(result, RuleDiagnosticIds.InvalidValue, 1, 10);
    }

    [Theory]
    [InlineData("      - 42", "Each condition")]
    [InlineData("      - {}", "Each condition")]
    public void Load_ConditionNotAMapping_Rule004(string condition, string message)
    {
        // Arrange
        var yaml = "version: 2026.11.0\nrules:\n  - id: DX-01\n    title: t\n    area: diagnosis\n    citations: [S1]\n    when:\n" + condition + "\n    then: [ { card: { indicator: info, summary: x } } ]\n";

        // Act
        var result = Load(yaml);

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.InvalidValue, 8, 9);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ConditionNamingTwoFactTypes_Rule002OnTheSecond()
    {
        // Arrange
        const string yaml = """
            version: 2026.11.0
            rules:
              - id: DX-01
                title: t
                area: diagnosis
                citations: [S1]
                when:
                  - lab: b12-total
                    finding: anaemia
                then: [ { card: { indicator: info, summary: x } } ]
            """;

        // Act
        var result = Load(yaml);

        // Assert
        AssertError(result, RuleDiagnosticIds.UnknownKey, 9, 9);
    }

    [Fact]
    public void Load_UnknownAction_Rule002WithSuggestion()
    {
        // Arrange
        const string yaml = """
            version: 2026.11.0
            rules:
              - id: DX-01
                title: t
                area: diagnosis
                citations: [S1]
                when: [ { lab: b12-total } ]
                then:
                  - crad: { indicator: info, summary: x }
            """;

        // Act
        var result = Load(yaml);

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.UnknownKey, 9, 9);
        Assert.Contains("Did you mean 'card'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeveralErrors_AllReportedInPositionOrder()
    {
        // Arrange
        const string yaml = """
            version: 2026.11.0
            rules:
              - id: DX-01
                title: t
                area: diagnostic
                citations: [S1]
                when:
                  - labs: b12-total
                then:
                  - card: { indicator: urgent, summary: x }
            """;

        // Act
        var result = Load(yaml);

        // Assert
        Assert.Equal(
            [(RuleDiagnosticIds.InvalidValue, 5), (RuleDiagnosticIds.UnknownFactType, 8), (RuleDiagnosticIds.InvalidValue, 10)],
            result.Diagnostics.Select(d => (d.Id, d.Location.Line)));
        Assert.Null(result.RuleSet);
    }
}
