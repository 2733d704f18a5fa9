using B12Cds.Facts.Terminology;
using B12Cds.Fhir.Diagnostics;

namespace B12Cds.Facts.Tests.Terminology;

public sealed class TerminologyLoaderValidationTests
{
    private const string File = "test.yaml";

    [Fact]
    public void Load_MinimalValidFile_SucceedsWithoutDiagnostics()
    {
        // Arrange
        const string yaml = """
            version: 1.0.0
            valueSets:
              - id: pernicious-anaemia
                title: Pernicious anaemia
                codes:
                  - { system: http://snomed.info/sct, code: "84027009", display: Pernicious anemia (disorder), status: single-source, source: "KNOWLEDGE §2.2" }
                text: [ "pernicious an*mia" ]
            """;

        // Act
        var result = Load(yaml);

        // Assert
        Assert.True(result.Succeeded);
        Assert.Empty(result.Diagnostics);
        var valueSet = result.Catalog.ValueSets["pernicious-anaemia"];
        Assert.Equal("Pernicious anaemia", valueSet.Title);
        Assert.Equal(new SourceLocation(File, 3, 5), valueSet.Location);
        var code = Assert.Single(valueSet.Codes);
        Assert.Equal(new ValueSetCode(CodeSystems.SnomedCt, "84027009", "Pernicious anemia (disorder)", ValueSetCode.SingleSource, "KNOWLEDGE §2.2"), code);
        Assert.Equal("1.0.0", result.Catalog.Version);
    }

    [Fact]
    public void Load_YamlSyntaxError_ReportsTerm001AtPosition()
    {
        // Arrange
        const string yaml = """
            version: 1.0.0
            valueSets:
              - id: a
                title: "unclosed
            """;

        // Act
        var result = Load(yaml);

        // Assert
        Assert.False(result.Succeeded);
        AssertSingle(result, TerminologyDiagnosticIds.YamlSyntax, 4, 12);
    }

    [Theory]
    [InlineData("version: 1.0.0\nvalueSets:\n  - id: a\n    text: [ \"x\"\n", 5, 1)]
    [InlineData("version: 1.0.0\nvalueSets:\n  - id: a\n    text: [1\n    title: 2\n", 4, 11)] // YamlDotNet throws without a mark: the last node read is given
    public void Load_UnclosedFlowSequence_ReportsTerm001(string yaml, int line, int column)
    {
        // Act
        var result = Load(yaml);

        // Assert
        Assert.False(result.Succeeded);
        AssertSingle(result, TerminologyDiagnosticIds.YamlSyntax, line, column);
    }

    [Fact]
    public void Load_AliasOrSecondDocument_ReportsTerm001()
    {
        // Arrange
        const string yaml = """
            version: &v 1.0.0
            valueSets:
              - id: a
                title: *v
                text: [ x ]
            ---
            version: 2
            """;

        // Act
        var result = Load(yaml);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Collection(
            result.Diagnostics,
            d => AssertAt(d, TerminologyDiagnosticIds.YamlSyntax, 4, 12),
            d => AssertAt(d, TerminologyDiagnosticIds.YamlSyntax, 6, 1));
    }

    [Fact]
    public void Load_MisspeltKey_ReportsTerm002WithSuggestion()
    {
        // Arrange
        const string yaml = """
            version: 1.0.0
            valueSets:
              - id: a
                title: A
                codes:
                  - { system: http://loinc.org, code: "2132-9", dispaly: B12, status: confirmed }
            """;

        // Act
        var result = Load(yaml);

        // Assert
        var d = AssertSingle(result, TerminologyDiagnosticIds.UnknownKey, 6, 53);
        Assert.Contains("'dispaly'", d.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'display'?", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownKeysAtEveryLevel_ReportsEachOne()
    {
        // Arrange
        const string yaml = """
            version: 1.0.0
            valuesets: []
            analytes:
              - id: x
                canonicalUnit: pmol/L
                unit: pmol/L
            """;

        // Act
        var result = Load(yaml);

        // Assert
        Assert.Collection(
            result.Diagnostics,
            d =>
            {
                AssertAt(d, TerminologyDiagnosticIds.UnknownKey, 2, 1);
                Assert.Contains("did you mean 'valueSets'?", d.Message, StringComparison.Ordinal);
            },
            d => AssertAt(d, TerminologyDiagnosticIds.EmptyValueSet, 4, 5),
            d => AssertAt(d, TerminologyDiagnosticIds.UnknownKey, 6, 5));
    }

    [Fact]
    public void Load_MissingRequiredKeys_ReportsTerm003ForEach()
    {
        // Arrange
        const string yaml = """
            valueSets:
              - title: No id
                text: [ x ]
              - id: b
                codes:
                  - { code: "2132-9", status: confirmed }
                  - { system: http://loinc.org, status: confirmed }
                  - { system: http://loinc.org, code: "2132-9" }
            """;

        // Act
        var result = Load(yaml);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Collection(
            result.Diagnostics,
            d =>
            {
                AssertAt(d, TerminologyDiagnosticIds.MissingKey, 1, 1);
                Assert.Contains("'version'", d.Message, StringComparison.Ordinal);
            },
            d =>
            {
                AssertAt(d, TerminologyDiagnosticIds.MissingKey, 2, 5);
                Assert.Contains("'id'", d.Message, StringComparison.Ordinal);
            },
            d =>
            {
                AssertAt(d, TerminologyDiagnosticIds.MissingKey, 6, 9);
                Assert.Contains("'system'", d.Message, StringComparison.Ordinal);
            },
            d =>
            {
                AssertAt(d, TerminologyDiagnosticIds.MissingKey, 7, 9);
                Assert.Contains("'code'", d.Message, StringComparison.Ordinal);
            },
            d =>
            {
                AssertAt(d, TerminologyDiagnosticIds.MissingKey, 8, 9);
                Assert.Contains("'status'", d.Message, StringComparison.Ordinal);
            });
    }

    [Fact]
    public void Load_EmptyFile_ReportsMissingVersion()
    {
        // Act
        var result = Load("# only a comment\n");

        // Assert
        AssertSingle(result, TerminologyDiagnosticIds.MissingKey, 0, 0);
    }

    [Fact]
    public void Load_WrongShapes_ReportsTerm004()
    {
        // Arrange
        const string yaml = """
            version: 1.0.0
            valueSets:
              - id: a
                title: [ not, a, scalar ]
                text: just a string
                codes:
                  - "84027009"
            analytes:
              - id: b
                canonicalUnit: pmol/L
                molarMass: heavy
                qualitative: maybe
                text: [ b12 ]
            """;

        // Act
        var result = Load(yaml);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Collection(
            result.Diagnostics,
            d => AssertAt(d, TerminologyDiagnosticIds.InvalidValue, 4, 12),
            d => AssertAt(d, TerminologyDiagnosticIds.InvalidValue, 5, 11),
            d => AssertAt(d, TerminologyDiagnosticIds.InvalidValue, 7, 9),
            d => AssertAt(d, TerminologyDiagnosticIds.InvalidValue, 11, 16),
            d => AssertAt(d, TerminologyDiagnosticIds.InvalidValue, 12, 18));
    }

    [Fact]
    public void Load_DuplicateKey_ReportsTerm005AtSecondKey()
    {
        // Arrange
        const string yaml = """
            version: 1.0.0
            valueSets:
              - id: a
                title: A
                text: [ x ]
                title: B
            """;

        // Act
        var result = Load(yaml);

        // Assert
        var d = AssertSingle(result, TerminologyDiagnosticIds.DuplicateKey, 6, 5);
        Assert.Contains("line 4", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateIdInOneFile_ReportsTerm006AtSecondId()
    {
        // Arrange
        const string yaml = """
            version: 1.0.0
            valueSets:
              - id: a
                text: [ x ]
              - id: a
                text: [ y ]
            """;

        // Act
        var result = Load(yaml);

        // Assert
        var d = AssertSingle(result, TerminologyDiagnosticIds.DuplicateId, 5, 9);
        Assert.Contains("test.yaml:3:9", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateIdAcrossFilesAndKinds_ReportsTerm006InSecondFile()
    {
        // Arrange
        const string first = """
            version: 1.0.0
            valueSets:
              - id: b12-total
                text: [ x ]
            """;
        const string second = """
            version: 1.0.0
            analytes:
              - id: b12-total
                canonicalUnit: pmol/L
                text: [ b12 ]
            """;

        // Act
        var result = TerminologyLoader.Load([("one.yaml", first), ("two.yaml", second)]);

        // Assert
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(TerminologyDiagnosticIds.DuplicateId, d.Id);
        Assert.Equal(new SourceLocation("two.yaml", 3, 9), d.Location);
        Assert.Contains("one.yaml:3:9", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateCodeInOneSet_ReportsTerm007AtSecondCode()
    {
        // Arrange
        const string yaml = """
            version: 1.0.0
            valueSets:
              - id: a
                codes:
                  - { system: http://hl7.org/fhir/sid/icd-10-cm, code: "D51.0", status: confirmed }
                  - { system: "urn:oid:2.16.840.1.113883.6.90", code: "d51.0", status: confirmed }
            """;

        // Act
        var result = Load(yaml);

        // Assert
        var d = AssertSingle(result, TerminologyDiagnosticIds.DuplicateCode, 6, 59);
        Assert.Contains("line 5", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SameCodeInTwoSets_IsAllowed()
    {
        // Arrange
        const string yaml = """
            version: 1.0.0
            valueSets:
              - id: a
                codes: [ { system: http://hl7.org/fhir/sid/icd-10-cm, code: "D51.0", status: confirmed } ]
              - id: b
                codes: [ { system: http://hl7.org/fhir/sid/icd-10-cm, code: "D51.0", status: confirmed } ]
            """;

        // Act
        var result = Load(yaml);

        // Assert
        Assert.True(result.Succeeded);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Load_IncludeOfUnknownIdOrAnalyte_ReportsTerm008()
    {
        // Arrange
        const string yaml = """
            version: 1.0.0
            valueSets:
              - id: neuro-ataxia
                text: [ ataxia ]
              - id: neurological-features
                includeValueSets: [ neuro-ataxxia, b12-total ]
            analytes:
              - id: b12-total
                canonicalUnit: pmol/L
                text: [ b12 ]
            """;

        // Act
        var result = Load(yaml);

        // Assert
        Assert.Collection(
            result.Diagnostics,
            d =>
            {
                AssertAt(d, TerminologyDiagnosticIds.UnknownInclude, 6, 25);
                Assert.Contains("did you mean 'neuro-ataxia'?", d.Message, StringComparison.Ordinal);
            },
            d =>
            {
                AssertAt(d, TerminologyDiagnosticIds.UnknownInclude, 6, 40);
                Assert.Contains("analyte", d.Message, StringComparison.Ordinal);
            });
    }

    [Fact]
    public void Load_IncludeCycle_ReportsTerm009AtClosingInclude()
    {
        // Arrange
        const string yaml = """
            version: 1.0.0
            valueSets:
              - id: a
                includeValueSets: [ b ]
              - id: b
                includeValueSets: [ c ]
              - id: c
                includeValueSets: [ a ]
              - id: self
                includeValueSets: [ self ]
            """;

        // Act
        var result = Load(yaml);

        // Assert
        Assert.Collection(
            result.Diagnostics,
            d =>
            {
                AssertAt(d, TerminologyDiagnosticIds.IncludeCycle, 8, 25);
                Assert.Contains("a -> b -> c -> a", d.Message, StringComparison.Ordinal);
            },
            d =>
            {
                AssertAt(d, TerminologyDiagnosticIds.IncludeCycle, 10, 25);
                Assert.Contains("self -> self", d.Message, StringComparison.Ordinal);
            });
    }

    [Fact]
    public void Load_InvalidLoincCheckDigits_ReportsTerm010ForEach()
    {
        // Arrange
        const string yaml = """
            version: 1.0.0
            analytes:
              - id: b12-total
                canonicalUnit: pmol/L
                codes:
                  - { system: http://loinc.org, code: "14685-3", status: confirmed }
                  - { system: http://loinc.org, code: "14685-2", status: confirmed }
              - id: intrinsic-factor-antibody
                qualitative: true
                codes:
                  - { system: "urn:oid:2.16.840.1.113883.6.1", code: "5140-4", status: unconfirmed }
            """;

        // Act
        var result = Load(yaml);

        // Assert
        Assert.Collection(
            result.Diagnostics,
            d =>
            {
                AssertAt(d, TerminologyDiagnosticIds.InvalidLoincCheckDigit, 6, 43);
                Assert.Contains("14685 gives 2", d.Message, StringComparison.Ordinal);
            },
            d =>
            {
                AssertAt(d, TerminologyDiagnosticIds.InvalidLoincCheckDigit, 11, 58);
                Assert.Contains("5140 gives 9", d.Message, StringComparison.Ordinal);
            });
    }

    [Fact]
    public void Load_InvalidSnomedCheckDigit_ReportsTerm011()
    {
        // Arrange
        const string yaml = """
            version: 1.0.0
            valueSets:
              - id: pernicious-anaemia
                codes:
                  - { system: http://snomed.info/sct, code: "84027008", status: single-source }
            """;

        // Act
        var result = Load(yaml);

        // Assert
        AssertSingle(result, TerminologyDiagnosticIds.InvalidSnomedCheckDigit, 5, 49);
    }

    [Fact]
    public void Load_InvalidStatus_ReportsTerm012AtStatusValue()
    {
        // Arrange
        const string yaml = """
            version: 1.0.0
            valueSets:
              - id: a
                codes:
                  - { system: http://loinc.org, code: "2132-9", status: C-1 }
            """;

        // Act
        var result = Load(yaml);

        // Assert
        AssertSingle(result, TerminologyDiagnosticIds.InvalidStatus, 5, 61);
    }

    [Fact]
    public void Load_AnalyteWithoutUnitOrQualitative_ReportsTerm013()
    {
        // Arrange
        const string yaml = """
            version: 1.0.0
            analytes:
              - id: mcv
                text: [ mcv ]
              - id: ifa
                qualitative: true
                canonicalUnit: "%"
                text: [ intrinsic factor ]
            """;

        // Act
        var result = Load(yaml);

        // Assert
        Assert.Collection(
            result.Diagnostics,
            d => AssertAt(d, TerminologyDiagnosticIds.InvalidAnalyteUnits, 3, 5),
            d => AssertAt(d, TerminologyDiagnosticIds.InvalidAnalyteUnits, 5, 5));
    }

    [Fact]
    public void Load_EmptyOrMeaninglessTextPattern_ReportsTerm014()
    {
        // Arrange
        const string yaml = """
            version: 1.0.0
            valueSets:
              - id: a
                text: [ "ok", "", "  " ]
                excludeText:
                  - "*"
                  -
            """;

        // Act
        var result = Load(yaml);

        // Assert
        Assert.Collection(
            result.Diagnostics,
            d => AssertAt(d, TerminologyDiagnosticIds.EmptyTextPattern, 4, 19),
            d => AssertAt(d, TerminologyDiagnosticIds.EmptyTextPattern, 4, 23),
            d => AssertAt(d, TerminologyDiagnosticIds.EmptyTextPattern, 6, 9),
            d => AssertAt(d, TerminologyDiagnosticIds.EmptyTextPattern, 7, 8));
    }

    [Theory]
    [InlineData("http://loinc.org", "2132")]
    [InlineData("http://loinc.org", "2132-*")]
    [InlineData("http://snomed.info/sct", "0840270")]
    [InlineData("http://snomed.info/sct", "84027*")]
    [InlineData("http://snomed.info/sct", "12345678010")] // passes Verhoeff, but partition 01 is a description
    [InlineData("http://www.whocc.no/atc", "BO3BA01")]
    [InlineData("http://hl7.org/fhir/sid/icd-10-cm", "D510")]
    [InlineData("http://www.nlm.nih.gov/research/umls/rxnorm", "RX309594")]
    [InlineData("http://www.whocc.no/atc", "B03*BA")]
    public void Load_MalformedCode_ReportsTerm015(string system, string code)
    {
        // Arrange
        var yaml = $$"""
            version: 1.0.0
            valueSets:
              - id: a
                codes:
                  - { system: "{{system}}", code: "{{code}}", status: unconfirmed }
            """;

        // Act
        var result = Load(yaml);

        // Assert
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(TerminologyDiagnosticIds.InvalidCodeFormat, d.Id);
        Assert.Equal(5, d.Location.Line);
        Assert.Equal(29 + system.Length, d.Location.Column);
    }

    [Fact]
    public void Load_InvalidId_ReportsTerm016()
    {
        // Arrange
        const string yaml = """
            version: 1.0.0
            valueSets:
              - id: Pernicious_Anaemia
                text: [ x ]
            """;

        // Act
        var result = Load(yaml);

        // Assert
        AssertSingle(result, TerminologyDiagnosticIds.InvalidId, 3, 9);
    }

    [Fact]
    public void Load_SameCodeInTwoAnalytes_ReportsTerm018()
    {
        // Arrange
        const string yaml = """
            version: 1.0.0
            analytes:
              - id: b12-total
                canonicalUnit: pmol/L
                codes: [ { system: http://loinc.org, code: "14685-2", status: confirmed } ]
              - id: b12-active
                canonicalUnit: pmol/L
                codes: [ { system: http://loinc.org, code: "14685-2", status: confirmed } ]
            """;

        // Act
        var result = Load(yaml);

        // Assert
        var d = AssertSingle(result, TerminologyDiagnosticIds.AmbiguousAnalyteCode, 8, 48);
        Assert.Contains("'b12-total'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownSystemAndEmptySet_WarnsButSucceeds()
    {
        // Arrange
        const string yaml = """
            version: 1.0.0
            valueSets:
              - id: local
                codes:
                  - { system: http://snomed.info/sc, code: "84027009", status: unconfirmed }
              - id: empty
                title: Nothing yet
            """;

        // Act
        var result = Load(yaml);

        // Assert
        Assert.True(result.Succeeded);
        Assert.Collection(
            result.Diagnostics,
            d =>
            {
                AssertAt(d, TerminologyDiagnosticIds.UnknownSystem, 5, 19);
                Assert.Equal(IssueSeverity.Warning, d.Severity);
            },
            d =>
            {
                AssertAt(d, TerminologyDiagnosticIds.EmptyValueSet, 6, 5);
                Assert.Equal(IssueSeverity.Warning, d.Severity);
            });
    }

    [Fact]
    public void Load_ManyProblems_ReportsAllInFileOrder()
    {
        // Arrange
        const string yaml = """
            version: 1.0.0
            valueSets:
              - id: a
                titel: A
                codes:
                  - { system: http://loinc.org, code: "14685-3", status: confirmed }
                  - { system: http://snomed.info/sct, code: "84027008", status: maybe }
                text: [ "" ]
                includeValueSets: [ nowhere ]
            """;

        // Act
        var result = Load(yaml);

        // Assert
        Assert.Null(result.Catalog);
        Assert.Equal(
            [
                TerminologyDiagnosticIds.UnknownKey,
                TerminologyDiagnosticIds.InvalidLoincCheckDigit,
                TerminologyDiagnosticIds.InvalidSnomedCheckDigit,
                TerminologyDiagnosticIds.InvalidStatus,
                TerminologyDiagnosticIds.EmptyTextPattern,
                TerminologyDiagnosticIds.UnknownInclude,
            ],
            result.Diagnostics.Select(d => d.Id));
        Assert.Equal([4, 6, 7, 7, 8, 9], result.Diagnostics.Select(d => d.Location.Line));
    }

    [Fact]
    public void Load_FilesWithDifferentVersions_CombinesVersionsInOrder()
    {
        // Arrange
        const string a = "version: 2026.11.0\nvalueSets: [ { id: a, text: [ x ] } ]\n";
        const string b = "version: 2026.9.1\nvalueSets: [ { id: b, text: [ y ] } ]\n";
        const string c = "version: 2026.11.0\nvalueSets: [ { id: c, text: [ z ] } ]\n";

        // Act
        var result = TerminologyLoader.Load([("a.yaml", a), ("b.yaml", b), ("c.yaml", c)]);

        // Assert
        Assert.True(result.Succeeded);
        Assert.Equal("2026.9.1+2026.11.0", result.Catalog.Version);
    }

    [Fact]
    public void LoadDirectory_MissingDirectory_ReportsTerm017()
    {
        // Arrange
        var directory = Path.Combine(Path.GetTempPath(), "b12cds-no-such-dir-" + Guid.NewGuid().ToString("N"));

        // Act
        var result = TerminologyLoader.LoadDirectory(directory);

        // Assert
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(TerminologyDiagnosticIds.FileUnreadable, d.Id);
        Assert.Equal(new SourceLocation(directory, 0, 0), d.Location);
    }

    [Fact]
    public void LoadDirectory_FileWithError_NamesFileByGivenPath()
    {
        // Arrange
        var directory = Directory.CreateTempSubdirectory("b12cds-terminology-").FullName;
        try
        {
            System.IO.File.WriteAllText(Path.Combine(directory, "good.yaml"), "version: 1\nvalueSets: [ { id: a, text: [ x ] } ]\n");
            System.IO.File.WriteAllText(Path.Combine(directory, "bad.yml"), "version: 1\nvalueSets: [ { id: a, text: [ y ] } ]\n");
            System.IO.File.WriteAllText(Path.Combine(directory, "notes.txt"), "ignored");

            // Act
            var result = TerminologyLoader.LoadDirectory(directory);

            // Assert
            var d = Assert.Single(result.Diagnostics);
            Assert.Equal(TerminologyDiagnosticIds.DuplicateId, d.Id);
            Assert.Equal(Path.Combine(directory, "good.yaml"), d.Location.File); // bad.yml sorts first and keeps the id
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void FileDiagnostic_ToString_UsesCompilerFormat()
    {
        // Arrange
        var d = new FileDiagnostic("TERM010", IssueSeverity.Error, new SourceLocation("labs.yaml", 12, 7), "Bad check digit.");

        // Act
        var text = d.ToString();

        // Assert
        Assert.Equal("labs.yaml:12:7: error TERM010: Bad check digit.", text);
    }

    [Fact]
    public void TerminologyDiagnosticIds_AllIds_AreDistinctAndWellFormed()
    {
        // Arrange
        var ids = typeof(TerminologyDiagnosticIds).GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        // Assert
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^TERM[0-9]{3}$", id));
    }

    private static TerminologyLoadResult Load(string yaml) => TerminologyLoader.Load([(File, yaml)]);

    private static FileDiagnostic AssertSingle(TerminologyLoadResult result, string id, int line, int column)
    {
        var d = Assert.Single(result.Diagnostics);
        AssertAt(d, id, line, column);
        return d;
    }

    private static void AssertAt(FileDiagnostic d, string id, int line, int column)
    {
        Assert.True(
            d.Id == id && d.Location == new SourceLocation(File, line, column),
            $"Expected {id} at {File}:{line}:{column}, got: {d}");
    }
}
