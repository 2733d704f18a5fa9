using B12Cds.Facts.Terminology;
using B12Cds.Fhir.Model;

namespace B12Cds.Facts.Tests.Terminology;

public sealed class TerminologyCatalogAnalyteTests
{
    private const string Loinc = "http://loinc.org";

    [Theory]
    [InlineData("2132-9", "b12-total")]
    [InlineData("14685-2", "b12-total")]
    [InlineData("72160-5", "b12-active")]
    [InlineData("13964-2", "mma-serum")]
    [InlineData("13965-9", "homocysteine")]
    [InlineData("718-7", "hemoglobin")]
    [InlineData("31444-3", "intrinsic-factor-antibody")]
    [InlineData("98979-8", "egfr")]
    public void TryMatchAnalyte_LoincCode_ReturnsAnalyteWithCodeMatch(string code, string expectedId)
    {
        // Arrange
        var coding = new Coding { System = Loinc, Code = code };

        // Act
        var found = RealCatalog.Instance.TryMatchAnalyte(new CodeableConcept { Coding = [coding] }, out var analyte, out var match);

        // Assert
        Assert.True(found);
        Assert.Equal(expectedId, analyte!.Id);
        Assert.Equal(new ConceptMatch(expectedId, MatchKind.Code, coding, null), match);
    }

    [Fact]
    public void TryMatchAnalyte_LoincOidSystem_MatchesAsLoinc()
    {
        // Act
        var found = RealCatalog.Instance.TryMatchAnalyte(
            new CodeableConcept { Coding = [new Coding { System = "urn:oid:2.16.840.1.113883.6.1", Code = "14685-2" }] },
            out var analyte,
            out _);

        // Assert
        Assert.True(found);
        Assert.Equal("b12-total", analyte!.Id);
    }

    [Fact]
    public void TryMatchAnalyte_LocalCodeAndLoinc_UsesTheLoinc()
    {
        // Arrange
        var concept = new CodeableConcept
        {
            Coding = [new Coding { System = "http://lab.example.org/codes", Code = "B12A", Display = "Active B12" }, new Coding { System = Loinc, Code = "72160-5" }],
        };

        // Act
        var found = RealCatalog.Instance.TryMatchAnalyte(concept, out var analyte, out var match);

        // Assert
        Assert.True(found);
        Assert.Equal("b12-active", analyte!.Id);
        Assert.Equal(MatchKind.Code, match!.Kind);
    }

    [Theory]
    [InlineData("Active B12", "b12-active")]
    [InlineData("Holo-transcobalamin", "b12-active")]
    [InlineData("Vitamin B12", "b12-total")]
    [InlineData("Serum B12 level", "b12-total")]
    [InlineData("Red cell folate", "folate-rbc")]
    [InlineData("Serum folate", "folate-serum")]
    [InlineData("Haemoglobin", "hemoglobin")]
    [InlineData("Intrinsic factor antibodies", "intrinsic-factor-antibody")]
    [InlineData("Methylmalonic acid", "mma-serum")]
    [InlineData("Urine methylmalonic acid", "mma-urine")]
    [InlineData("Reticulocytes %", "reticulocytes-percent")]
    [InlineData("Absolute reticulocyte count", "reticulocytes-absolute")]
    public void TryMatchAnalyte_Text_ReturnsAnalyteWithTextMatch(string text, string expectedId)
    {
        // Act
        var found = RealCatalog.Instance.TryMatchAnalyte(new CodeableConcept { Text = text }, out var analyte, out var match);

        // Assert
        Assert.True(found, text);
        Assert.Equal(expectedId, analyte!.Id);
        Assert.Equal(new ConceptMatch(expectedId, MatchKind.Text, null, text), match);
    }

    [Theory]
    [InlineData("Reticulocyte count")]  // percent or absolute: the text does not say
    [InlineData("HbA1c")]
    [InlineData("Mean corpuscular haemoglobin")]
    [InlineData("Creatine kinase")]
    [InlineData("B12 and folate")]
    [InlineData("Unrelated test")]
    public void TryMatchAnalyte_AmbiguousOrUnknownText_ReturnsFalse(string text)
    {
        // Act
        var found = RealCatalog.Instance.TryMatchAnalyte(new CodeableConcept { Text = text }, out var analyte, out var match);

        // Assert
        Assert.False(found, analyte?.Id);
        Assert.Null(analyte);
        Assert.Null(match);
    }

    [Fact]
    public void TryMatchAnalyte_CodesOfTwoAnalytes_ReturnsFalse()
    {
        // Arrange
        var concept = new CodeableConcept { Coding = [new Coding { System = Loinc, Code = "2132-9" }, new Coding { System = Loinc, Code = "72160-5" }] };

        // Act
        var found = RealCatalog.Instance.TryMatchAnalyte(concept, out var analyte, out _);

        // Assert
        Assert.False(found);
        Assert.Null(analyte);
    }

    [Fact]
    public void TryMatchAnalyte_TextAndDisplayNamingDifferentAnalytes_ReturnsFalse()
    {
        // Arrange
        var concept = new CodeableConcept { Text = "Vitamin B12", Coding = [new Coding { System = "http://lab.example.org", Code = "X", Display = "Folate" }] };

        // Act
        var found = RealCatalog.Instance.TryMatchAnalyte(concept, out _, out _);

        // Assert
        Assert.False(found);
    }

    [Fact]
    public void TryMatchAnalyte_Null_ReturnsFalse()
    {
        // Act
        var found = RealCatalog.Instance.TryMatchAnalyte(null, out var analyte, out var match);

        // Assert
        Assert.False(found);
        Assert.Null(analyte);
        Assert.Null(match);
    }

    [Fact]
    public void Match_AnalyteCode_IsNotAValueSetMatch()
    {
        // Act
        var matches = RealCatalog.Instance.Match(new CodeableConcept { Coding = [new Coding { System = Loinc, Code = "2132-9" }] });

        // Assert
        Assert.DoesNotContain(matches, m => m.Kind == MatchKind.Code);
    }
}
