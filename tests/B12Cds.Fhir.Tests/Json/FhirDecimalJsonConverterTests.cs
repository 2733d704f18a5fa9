using B12Cds.Fhir.Diagnostics;
using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Tests.Json;

/// <summary>FHIR decimals through JSON: the number is written back exactly as it was read, whatever decimal can hold.</summary>
public sealed class FhirDecimalJsonConverterTests
{
    private static readonly FhirJsonParser Parser = new();

    /// <summary>JSON number text, the nearest decimal, and whether that decimal is exact.</summary>
    public static TheoryData<string, string, bool> Numbers { get; } = new()
    {
        { "150", "150", true },
        { "1.50", "1.50", true },
        { "0.0", "0.0", true },
        { "-0.75", "-0.75", true },
        { "1000000000000000000", "1000000000000000000", true },
        { "1E-22", "0.0000000000000000000001", true },
        { "1.5e2", "150", true },
        { "2.5E+3", "2500", true },
        { "0E+5", "0", true },
        { "1.000000000000000000E-245", "0", false },
        { "1E-400", "0", false },
        { "-1.000000000000000000E+245", "-79228162514264337593543950335", false },
        { "1.000000000000000000E+245", "79228162514264337593543950335", false },
        { "123456789012345678901234567890123", "79228162514264337593543950335", false },
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Read_JsonNumber_GivesNearestDecimalAndExactness(string number, string nearest, bool isExact)
    {
        // Act
        var value = ReadQuantityValue(number);

        // Assert
        Assert.Equal(decimal.Parse(nearest, System.Globalization.CultureInfo.InvariantCulture), value.Value);
        Assert.Equal(isExact, value.IsExact);
        Assert.Equal(number, value.Text);
    }

    public static TheoryData<string> NumberTexts { get; } = new(Numbers.Select(row => (string)row[0]));

    [Theory]
    [MemberData(nameof(NumberTexts))]
    public void Write_NumberRead_IsWrittenWithTheSameText(string number)
    {
        // Arrange
        var observation = Parser.Parse($"{{\"resourceType\":\"Observation\",\"valueQuantity\":{{\"value\":{number},\"unit\":\"pmol/L\"}}}}").Resource!;

        // Act
        var json = FhirJson.Serialize(observation);

        // Assert
        Assert.Equal($"{{\"resourceType\":\"Observation\",\"valueQuantity\":{{\"value\":{number},\"unit\":\"pmol/L\"}}}}", json);
    }

    [Fact]
    public void Read_TrailingZeros_KeepTheirScale()
    {
        // Act
        var value = ReadQuantityValue("1.500");

        // Assert
        Assert.Equal(3, value.Value.Scale);
        Assert.Equal("1.500", value.Text);
    }

    [Fact]
    public void Write_DecimalBuiltInCode_IsAPlainJsonNumber()
    {
        // Arrange
        var observation = new Observation { ValueQuantity = Quantity.Ucum(1.50m, "mg") };

        // Act
        var json = FhirJson.Serialize(observation);

        // Assert
        Assert.Equal("{\"resourceType\":\"Observation\",\"valueQuantity\":{\"value\":1.50,\"unit\":\"mg\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mg\"}}", json);
    }

    [Theory]
    [InlineData("\"1.5\"", "a string")]
    [InlineData("true", "a boolean")]
    [InlineData("{}", "an object")]
    public void Read_NotAJsonNumber_IsInvalidElementSayingWhatWasFound(string value, string found)
    {
        // Act
        var result = Parser.Parse($"{{\"resourceType\":\"Observation\",\"valueQuantity\":{{\"value\":{value}}}}}");

        // Assert
        var issue = Assert.Single(result.Issues);
        Assert.Equal(IssueIds.InvalidElement, issue.Id);
        Assert.Equal("Observation.valueQuantity.value", issue.Expression);
        Assert.Equal($"Expected a JSON number, found {found}. Nothing was read.", issue.Message);
    }

    [Fact]
    public void Read_MoreSignificantDigitsThanDecimalHolds_KeepsTheTextAndIsNotExact()
    {
        // Arrange
        const string Number = "0.1234567890123456789012345678901";

        // Act
        var value = ReadQuantityValue(Number);

        // Assert
        Assert.Equal(Number, value.Text);
        Assert.False(value.IsExact);
    }

    private static FhirDecimal ReadQuantityValue(string number)
    {
        var result = Parser.Parse($"{{\"resourceType\":\"Observation\",\"valueQuantity\":{{\"value\":{number}}}}}");
        Assert.Empty(result.Issues);
        return Assert.IsType<Observation>(result.Resource).ValueQuantity!.Value!.Value;
    }
}
