using B12Cds.Facts.Terminology;
using B12Cds.Fhir.Model;
using B12Cds.Rules.Loading;
using B12Cds.Rules.Scenarios;

namespace B12Cds.Rules.Tests.Scenarios;

/// <summary>Reading scenario files: every problem is reported with file, line and column; valid files become scenarios.</summary>
public sealed class ScenarioReaderTests : IDisposable
{
    private const string Given = """
            given:
              bundle: ../fhir-samples/units-pg-ml.json
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "b12cds-scenario-reader-" + Guid.NewGuid().ToString("N"));

    public ScenarioReaderTests()
    {
        // A rules folder next to a copy of one sample, so bundle paths resolve the way they do in the repository.
        Directory.CreateDirectory(Path.Combine(_folder, "rules"));
        Directory.CreateDirectory(Path.Combine(_folder, "fhir-samples"));
        File.Copy(Path.Combine(ScenarioTestData.Samples, "units-pg-ml.json"), Path.Combine(_folder, "fhir-samples", "units-pg-ml.json"));
    }

    private string ScenarioFile => Path.Combine(_folder, "rules", "test.scenarios.yaml");

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Read_ValidScenario_AllFieldsRead()
    {
        // Arrange
        var yaml = $$"""
            scenarios:
              - name: DX-04 on 170 pg/mL
                at: 2026-11-01T09:00:00Z
                profile: uk
                includeDrafts: true
            {{Given}}
                  patientId: f2f5c21b-cd7e-4dcf-b6ca-b830f4955fbc
                expect:
                  fired: [DX-04]
                  cards: [ { rule: DX-04, indicator: warning, summaryContains: pg/mL } ]
                  facts: [ { type: b12-status, state: deficient, where: state = deficient } ]
                  noCarePlan: true
            """;

        // Act
        var result = Read(yaml);

        // Assert
        Assert.Empty(result.Diagnostics);
        var scenario = Assert.Single(result.Scenarios);
        Assert.Equal("DX-04 on 170 pg/mL", scenario.Name);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero), scenario.At);
        Assert.Equal("uk", scenario.Profile);
        Assert.True(scenario.IncludeDrafts);
        Assert.Equal(new SourceLocation(ScenarioFile, 2, 5), scenario.Location);
        Assert.Equal("f2f5c21b-cd7e-4dcf-b6ca-b830f4955fbc", scenario.Given.PatientId);
        Assert.True(scenario.Given.Data.IsReadable);
        Assert.Equal(["DX-04"], scenario.Expect.Fired);
        Assert.Equal(new ExpectedCard("DX-04", "warning", "pg/mL"), Assert.Single(scenario.Expect.Cards));
        var fact = Assert.Single(scenario.Expect.Facts);
        Assert.Equal("b12-status", fact.Type);
        Assert.Equal("state = deficient", fact.WhereText);
        Assert.Equal([new KeyValuePair<string, string>("state", "deficient")], fact.Fields);
        Assert.True(scenario.Expect.NoCarePlan);
        Assert.False(scenario.Expect.NoCards);
    }

    [Fact]
    public void Read_DefaultsOmitted_ProfileUsAndNoDrafts()
    {
        // Arrange
        var yaml = $$"""
            scenarios:
              - name: defaults
                at: 2026-11-01
            {{Given}}
                expect:
                  notFired: [DX-04]
            """;

        // Act
        var scenario = Assert.Single(Read(yaml).Scenarios);

        // Assert
        Assert.Equal("us", scenario.Profile);
        Assert.False(scenario.IncludeDrafts);
        Assert.Equal(["DX-04"], scenario.Expect.NotFired);
    }

    [Fact]
    public void Read_MisspelledScenarioKey_UnknownKeyAtItsPositionWithSuggestion()
    {
        // Arrange
        var yaml = $$"""
            scenarios:
              - name: typo
                at: 2026-11-01
                profil: uk
            {{Given}}
                expect:
                  fired: [DX-04]
            """;

        // Act
        var result = Read(yaml);

        // Assert
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(RuleDiagnosticIds.UnknownKey, error.Id);
        Assert.Equal(new SourceLocation(ScenarioFile, 4, 5), error.Location);
        Assert.Contains("Did you mean 'profile'?", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Scenarios);
        Assert.Equal(1, result.Rejected);
    }

    [Fact]
    public void Read_MisspelledExpectKey_UnknownKeyWithSuggestion()
    {
        // Arrange
        var yaml = $$"""
            scenarios:
              - name: typo
                at: 2026-11-01
            {{Given}}
                expect:
                  notfired: [DX-04]
            """;

        // Act
        var error = Assert.Single(Read(yaml).Diagnostics);

        // Assert
        Assert.Equal(RuleDiagnosticIds.UnknownKey, error.Id);
        Assert.Equal((7, 7), (error.Location.Line, error.Location.Column));
        Assert.Contains("Did you mean 'notFired'?", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fired: [DX-4]", 7, 15)]
    [InlineData("notFired: [DX-04, DX-99]", 7, 25)]
    [InlineData("cards: [ { rule: DX-40 } ]", 7, 24)]
    public void Read_UnknownRuleId_ErrorAtTheIdWithSuggestion(string expectLine, int line, int column)
    {
        // Arrange
        var yaml = $$"""
            scenarios:
              - name: unknown rule
                at: 2026-11-01
            {{Given}}
                expect:
                  {{expectLine}}
            """;

        // Act
        var result = Read(yaml);

        // Assert
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(ScenarioDiagnosticIds.UnknownRule, error.Id);
        Assert.Equal(new SourceLocation(ScenarioFile, line, column), error.Location);
        Assert.Contains("There is no rule", error.Message, StringComparison.Ordinal);
        Assert.Contains("DX-04", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Scenarios);
    }

    [Fact]
    public void Read_WithoutRuleSet_RuleIdsNotChecked()
    {
        // Arrange
        var yaml = $$"""
            scenarios:
              - name: no rule set
                at: 2026-11-01
            {{Given}}
                expect:
                  fired: [XX-99]
            """;

        // Act
        var result = ScenarioReader.Read(ScenarioFile, yaml, ruleSet: null);

        // Assert
        Assert.Empty(result.Diagnostics);
        Assert.Single(result.Scenarios);
    }

    [Fact]
    public void Read_MissingBundleFile_ErrorAtThePath()
    {
        // Arrange
        var yaml = """
            scenarios:
              - name: missing file
                at: 2026-11-01
                given:
                  bundle: ../fhir-samples/nowhere.json
                expect:
                  fired: [DX-04]
            """;

        // Act
        var result = Read(yaml);

        // Assert
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(ScenarioDiagnosticIds.MissingData, error.Id);
        Assert.Equal(new SourceLocation(ScenarioFile, 5, 15), error.Location);
        Assert.Contains("nowhere.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BundleThatIsNotJson_InvalidDataError()
    {
        // Arrange
        File.WriteAllText(Path.Combine(_folder, "fhir-samples", "broken.json"), "{ \"resourceType\": \"Bundle\", ");
        var yaml = """
            scenarios:
              - name: broken file
                at: 2026-11-01
                given: { bundle: ../fhir-samples/broken.json }
                expect: { fired: [DX-04] }
            """;

        // Act
        var error = Assert.Single(Read(yaml).Diagnostics);

        // Assert
        Assert.Equal(ScenarioDiagnosticIds.InvalidData, error.Id);
        Assert.Equal(4, error.Location.Line);
        Assert.Contains("FHIR001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BundleAndResources_Error()
    {
        // Arrange
        var yaml = """
            scenarios:
              - name: both
                at: 2026-11-01
                given:
                  bundle: ../fhir-samples/units-pg-ml.json
                  resources: [ { resourceType: Patient, id: p } ]
                expect: { fired: [DX-04] }
            """;

        // Act
        var error = Assert.Single(Read(yaml).Diagnostics);

        // Assert
        Assert.Equal(RuleDiagnosticIds.InvalidValue, error.Id);
        Assert.Equal((5, 7), (error.Location.Line, error.Location.Column));
        Assert.Contains("both 'bundle' and 'resources'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingRequiredKeys_MissingKeyErrors()
    {
        // Arrange
        var yaml = """
            scenarios:
              - name: incomplete
                profile: us
            """;

        // Act
        var errors = Read(yaml).Diagnostics;

        // Assert
        Assert.All(errors, e => Assert.Equal(RuleDiagnosticIds.MissingKey, e.Id));
        Assert.Contains(errors, e => e.Message.Contains("'at'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("'given'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("'expect'", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Equal((2, 5), (e.Location.Line, e.Location.Column)));
    }

    [Fact]
    public void Read_BadDate_InvalidValueAtTheDate()
    {
        // Arrange
        var yaml = $$"""
            scenarios:
              - name: bad date
                at: 1 November 2026
            {{Given}}
                expect: { fired: [DX-04] }
            """;

        // Act
        var error = Assert.Single(Read(yaml).Diagnostics);

        // Assert
        Assert.Equal(RuleDiagnosticIds.InvalidValue, error.Id);
        Assert.Equal((3, 9), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Read_YamlSyntaxError_ErrorWithLine()
    {
        // Arrange
        var yaml = """
            scenarios:
              - name: broken
                at: [2026-11-01
            """;

        // Act
        var result = Read(yaml);

        // Assert
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(RuleDiagnosticIds.YamlSyntax, error.Id);
        Assert.True(error.Location.Line >= 3, error.ToString());
        Assert.Equal(1, result.Rejected);
    }

    [Fact]
    public void Read_RuleBothFiredAndNotFired_Contradiction()
    {
        // Arrange
        var yaml = $$"""
            scenarios:
              - name: contradiction
                at: 2026-11-01
            {{Given}}
                expect:
                  fired: [DX-04]
                  notFired: [DX-04]
            """;

        // Act
        var error = Assert.Single(Read(yaml).Diagnostics);

        // Assert
        Assert.Equal(ScenarioDiagnosticIds.Contradiction, error.Id);
        Assert.Equal((7, 15), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Read_DuplicateScenarioName_Error()
    {
        // Arrange
        var yaml = $$"""
            scenarios:
              - name: same
                at: 2026-11-01
            {{Given}}
                expect: { fired: [DX-04] }
              - name: same
                at: 2026-11-01
            {{Given}}
                expect: { fired: [DX-04] }
            """;

        // Act
        var result = Read(yaml);

        // Assert
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(ScenarioDiagnosticIds.DuplicateName, error.Id);
        Assert.Equal((7, 11), (error.Location.Line, error.Location.Column));
        Assert.Single(result.Scenarios);
    }

    [Fact]
    public void Read_FactFieldMisspelled_UnknownFactWithSuggestion()
    {
        // Arrange
        var yaml = $$"""
            scenarios:
              - name: fact typo
                at: 2026-11-01
            {{Given}}
                expect:
                  facts:
                    - { type: b12-status, stat: deficient }
            """;

        // Act
        var error = Assert.Single(Read(yaml).Diagnostics);

        // Assert
        Assert.Equal(ScenarioDiagnosticIds.UnknownFact, error.Id);
        Assert.Equal((8, 31), (error.Location.Line, error.Location.Column));
        Assert.Contains("Did you mean 'state'?", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lab")]
    [InlineData("b12-stat")]
    public void Read_FactTypeNotDerived_UnknownFact(string type)
    {
        // Arrange
        var yaml = $$"""
            scenarios:
              - name: not derived
                at: 2026-11-01
            {{Given}}
                expect:
                  facts: [ { type: {{type}} } ]
            """;

        // Act
        var error = Assert.Single(Read(yaml).Diagnostics);

        // Assert
        Assert.Equal(ScenarioDiagnosticIds.UnknownFact, error.Id);
        Assert.Equal((7, 24), (error.Location.Line, error.Location.Column));
        Assert.Contains("b12-status", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FactWhereTypeError_ErrorInsideTheExpression()
    {
        // Arrange
        var yaml = $$"""
            scenarios:
              - name: bad where
                at: 2026-11-01
            {{Given}}
                expect:
                  facts:
                    - type: b12-status
                      where: state = deficient and result.reported < 3 days
            """;

        // Act
        var error = Assert.Single(Read(yaml).Diagnostics);

        // Assert
        Assert.Equal(ScenarioDiagnosticIds.Expression, error.Id);
        Assert.Equal(9, error.Location.Line);
        Assert.True(error.Location.Column > 39, error.ToString());
    }

    [Fact]
    public void Read_UnknownRegimen_ErrorWithSuggestion()
    {
        // Arrange
        var regimen = ScenarioTestData.Dx04RuleSet.Regimens.Keys.Order(StringComparer.Ordinal).First();
        var yaml = $$"""
            scenarios:
              - name: regimen typo
                at: 2026-11-01
            {{Given}}
                expect:
                  carePlan: [{{regimen}}x]
            """;

        // Act
        var error = Assert.Single(Read(yaml).Diagnostics);

        // Assert
        Assert.Equal(ScenarioDiagnosticIds.UnknownRegimen, error.Id);
        Assert.Equal((7, 18), (error.Location.Line, error.Location.Column));
        Assert.Contains($"Did you mean '{regimen}'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DraftRuleExpectedWithoutIncludeDrafts_Warning()
    {
        // Arrange
        var ruleSet = ScenarioTestData.RuleSetWith("""
            version: 2026.11.0
            rules:
              - id: DX-90
                title: A draft rule
                area: diagnosis
                status: draft
                citations: [ { source: test } ]
                when:
                  - lab: b12-total
                then:
                  - card: { indicator: info, summary: "draft" }
            """);
        var yaml = $$"""
            scenarios:
              - name: draft
                at: 2026-11-01
            {{Given}}
                expect:
                  fired: [DX-90]
            """;

        // Act
        var result = ScenarioReader.Read(ScenarioFile, yaml, ruleSet);

        // Assert
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(ScenarioDiagnosticIds.CannotFire, warning.Id);
        Assert.False(warning.IsError);
        Assert.Contains("includeDrafts", warning.Message, StringComparison.Ordinal);
        Assert.Single(result.Scenarios);
    }

    [Fact]
    public void Read_InlineResources_ReadAsABundleKeepingNumbersAndCodes()
    {
        // Arrange
        var yaml = """
            scenarios:
              - name: inline
                at: 2026-11-01
                given:
                  resources:
                    - resourceType: Patient
                      id: p1
                      birthDate: "1970-01-01"
                    - resourceType: Observation
                      id: o1
                      status: final
                      code: { coding: [ { system: "http://loinc.org", code: 2132-9 } ] }
                      subject: { reference: Patient/p1 }
                      effectiveDateTime: "2026-10-20"
                      valueQuantity: { value: 1.50, unit: ng/L, code: ng/L }
                    - resourceType: Condition
                      id: c1
                      code: { coding: [ { system: "http://snomed.info/sct", code: 24930006 } ] }
                      subject: { reference: Patient/p1 }
                expect: { notFired: [DX-04] }
            """;

        // Act
        var result = Read(yaml);

        // Assert
        Assert.Empty(result.Diagnostics);
        var scenario = Assert.Single(result.Scenarios);
        Assert.Equal("3 inline resources", scenario.Given.Description);
        var bundle = Assert.IsType<Bundle>(scenario.Given.Data.Resource);
        Assert.Equal(3, bundle.Entry.Count);
        var observation = Assert.IsType<Observation>(bundle.Entry[1].Resource);
        Assert.Equal("1.50", observation.ValueQuantity!.Value!.Value.Text);
        Assert.Equal("2132-9", observation.Code!.Coding[0].Code);
        var condition = Assert.IsType<Condition>(bundle.Entry[2].Resource);
        Assert.Equal("24930006", condition.Code!.Coding[0].Code);
    }

    [Fact]
    public void Read_InlineResourceWithWrongElement_WarningAtThatResource()
    {
        // Arrange
        var yaml = """
            scenarios:
              - name: inline problem
                at: 2026-11-01
                given:
                  resources:
                    - resourceType: Patient
                      id: p1
                    - resourceType: Observation
                      id: o1
                      status: [final]
                expect: { notFired: [DX-04] }
            """;

        // Act
        var result = Read(yaml);

        // Assert
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(ScenarioDiagnosticIds.InvalidData, warning.Id);
        Assert.False(warning.IsError);
        Assert.Equal((8, 11), (warning.Location.Line, warning.Location.Column));
        Assert.Single(result.Scenarios);
    }

    [Fact]
    public void Read_InlineResourceWithoutResourceType_Error()
    {
        // Arrange
        var yaml = """
            scenarios:
              - name: no type
                at: 2026-11-01
                given:
                  resources:
                    - id: p1
                expect: { notFired: [DX-04] }
            """;

        // Act
        var error = Assert.Single(Read(yaml).Diagnostics);

        // Assert
        Assert.Equal(RuleDiagnosticIds.MissingKey, error.Id);
        Assert.Equal((6, 11), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void LoadDirectory_NestedScenarioFiles_FoundAndOtherYamlIgnored()
    {
        // Arrange
        var rules = Path.Combine(_folder, "rules");
        Directory.CreateDirectory(Path.Combine(rules, "b12"));
        File.WriteAllText(Path.Combine(rules, "b12", "a.scenarios.yaml"), $$"""
            scenarios:
              - name: a
                at: 2026-11-01
                given: { bundle: ../../fhir-samples/units-pg-ml.json }
                expect: { fired: [DX-04] }
            """);
        File.WriteAllText(Path.Combine(rules, "b12", "rules.yaml"), "rules: []");

        // Act
        var result = ScenarioReader.LoadDirectory(rules, ScenarioTestData.Dx04RuleSet);

        // Assert
        Assert.Empty(result.Diagnostics);
        Assert.Equal([Path.Combine(rules, "b12", "a.scenarios.yaml")], result.Files);
        Assert.Equal("a", Assert.Single(result.Scenarios).Name);
    }

    private ScenarioLoadResult Read(string yaml) => ScenarioReader.Read(ScenarioFile, yaml, ScenarioTestData.Dx04RuleSet);
}
