using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Tests.Model;

public sealed class QuantityTests
{
    [Fact]
    public void Ucum_ValueAndCode_IsAUcumQuantityWithTheCodeAsUnit()
    {
        // Act
        var quantity = Quantity.Ucum(1000m, "ug");

        // Assert
        Assert.Equal(1000m, quantity.Value!.Value.Value);
        Assert.Equal("ug", quantity.Unit);
        Assert.Equal("ug", quantity.Code);
        Assert.Equal("http://unitsofmeasure.org", quantity.System);
        Assert.Equal(Quantity.UcumSystem, quantity.System);
        Assert.Null(quantity.Comparator);
    }
}
