using B12Cds.Facts.Terminology;

namespace B12Cds.Facts.Tests.Terminology;

public sealed class CheckDigitsTests
{
    [Theory]
    [InlineData("14685", 2)]
    [InlineData("2132", 9)]
    [InlineData("5140", 9)]
    [InlineData("72160", 5)]
    [InlineData("718", 7)]
    [InlineData("98979", 8)]
    public void ComputeLoinc_KnownCodes_ReturnsCheckDigit(string digits, int expected)
    {
        // Act
        var actual = CheckDigits.ComputeLoinc(digits);

        // Assert
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("14685-2")]
    [InlineData("2132-9")]
    [InlineData("72160-5")]
    [InlineData("13964-2")]
    [InlineData("31444-3")]
    [InlineData("31443-5")]
    [InlineData("82810-3")]
    public void IsValidLoinc_ValidCodes_ReturnsTrue(string code)
    {
        // Act
        var valid = CheckDigits.IsValidLoinc(code);

        // Assert
        Assert.True(valid);
    }

    [Theory]
    [InlineData("14685-3")]
    [InlineData("5140-4")]
    [InlineData("2132-8")]
    [InlineData("2132")]
    [InlineData("-9")]
    [InlineData("2132-")]
    [InlineData("21a2-9")]
    [InlineData("2132-99")]
    [InlineData("")]
    [InlineData(null)]
    public void IsValidLoinc_InvalidCodes_ReturnsFalse(string? code)
    {
        // Act
        var valid = CheckDigits.IsValidLoinc(code);

        // Assert
        Assert.False(valid);
    }

    [Fact]
    public void ComputeLoinc_NonDigits_Throws()
    {
        // Act / Assert
        Assert.Throws<ArgumentException>(() => CheckDigits.ComputeLoinc("12a"));
    }

    [Theory]
    [InlineData("236", 3)] // the worked example in Verhoeff's scheme: 2363 is valid
    [InlineData("8402700", 9)]
    [InlineData("19063400", 4)]
    [InlineData("13887500", 5)]
    public void ComputeVerhoeff_KnownValues_ReturnsCheckDigit(string digits, int expected)
    {
        // Act
        var actual = CheckDigits.ComputeVerhoeff(digits);

        // Assert
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("84027009")]    // pernicious anaemia
    [InlineData("190634004")]   // vitamin B12 deficiency
    [InlineData("396331005")]   // coeliac disease
    [InlineData("302226006")]   // peripheral nerve disease
    [InlineData("138875005")]   // SNOMED CT concept (root)
    [InlineData("78421000")]    // intramuscular route
    [InlineData("260385009")]   // negative
    public void IsValidSnomedCtId_KnownConcepts_ReturnsTrue(string id)
    {
        // Act
        var valid = CheckDigits.IsValidSnomedCtId(id);

        // Assert
        Assert.True(valid);
        Assert.True(CheckDigits.IsSnomedConceptPartition(id));
    }

    [Theory]
    [InlineData("84027008")]
    [InlineData("190634005")]
    [InlineData("48027009")]     // transposed digits
    [InlineData("12345")]        // too short
    [InlineData("084027009")]    // leading zero
    [InlineData("8402700X")]
    [InlineData(null)]
    public void IsValidSnomedCtId_Invalid_ReturnsFalse(string? id)
    {
        // Act
        var valid = CheckDigits.IsValidSnomedCtId(id);

        // Assert
        Assert.False(valid);
    }

    [Fact]
    public void IsSnomedConceptPartition_DescriptionId_ReturnsFalse()
    {
        // Arrange: passes Verhoeff, but the partition digits are 01 (a description).
        const string id = "12345678010";

        // Act / Assert
        Assert.True(CheckDigits.IsValidVerhoeff(id));
        Assert.False(CheckDigits.IsSnomedConceptPartition(id));
    }
}
