using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Tests.Model;

public sealed class CodeableConceptTests
{
    private const string Loinc = "http://loinc.org";
    private const string Snomed = "http://snomed.info/sct";

    [Fact]
    public void CodeIn_SystemPresentTwice_GivesTheFirstCode()
    {
        // Arrange
        var concept = new CodeableConcept
        {
            Coding = [new Coding { System = Snomed, Code = "1" }, new Coding { System = Loinc, Code = "2132-9" }, new Coding { System = Loinc, Code = "14685-2" }],
        };

        // Act and Assert
        Assert.Equal("2132-9", concept.CodeIn(Loinc));
        Assert.Equal("1", concept.CodeIn(Snomed));
        Assert.Null(concept.CodeIn("http://www.nlm.nih.gov/research/umls/rxnorm"));
        Assert.Null(concept.CodeIn("HTTP://LOINC.ORG"));
    }

    [Fact]
    public void Label_WithText_IsTheText()
    {
        // Arrange
        var concept = new CodeableConcept { Text = "Serum B12", Coding = [new Coding { Code = "2132-9", Display = "Cobalamin" }] };

        // Act and Assert
        Assert.Equal("Serum B12", concept.Label());
    }

    [Fact]
    public void Label_WithoutText_IsTheFirstDisplayThenTheFirstCode()
    {
        // Arrange
        var withDisplay = new CodeableConcept { Text = " ", Coding = [new Coding { Code = "a" }, new Coding { Code = "b", Display = "Bee" }] };
        var codesOnly = new CodeableConcept { Coding = [new Coding { Code = "a" }, new Coding { Code = "b" }] };

        // Act and Assert
        Assert.Equal("Bee", withDisplay.Label());
        Assert.Equal("a", codesOnly.Label());
        Assert.Null(new CodeableConcept().Label());
    }

    [Fact]
    public void Coding_SetToNull_IsEmpty()
    {
        // Act
        var concept = new CodeableConcept { Coding = null! };

        // Assert
        Assert.NotNull(concept.Coding);
        Assert.Empty(concept.Coding);
    }
}
