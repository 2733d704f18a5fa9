using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Tests.Model;

public sealed class ReferenceTests
{
    [Fact]
    public void To_ReferenceAndDisplay_SetsBoth()
    {
        // Act
        var reference = Reference.To("urn:uuid:0b6a3c1e-2f4d-4e8a-9b7c-6d5e4f3a2b10", "Hydroxocobalamin");

        // Assert
        Assert.Equal("urn:uuid:0b6a3c1e-2f4d-4e8a-9b7c-6d5e4f3a2b10", reference.ReferenceValue);
        Assert.Equal("Hydroxocobalamin", reference.Display);
        Assert.Null(Reference.To("Patient/1").Display);
    }
}
