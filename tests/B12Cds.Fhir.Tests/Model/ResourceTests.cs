using System.Text.Json;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Tests.Model;

public sealed class ResourceTests
{
    [Fact]
    public void RelativeReference_WithId_IsTypeSlashId()
    {
        // Act and Assert
        Assert.Equal("Patient/pat-0042", new Patient { Id = "pat-0042" }.RelativeReference());
        Assert.Equal("MedicationRequest/b12", new MedicationRequest { Id = "b12" }.RelativeReference());
    }

    [Fact]
    public void RelativeReference_WithoutId_IsNull()
    {
        // Act and Assert
        Assert.Null(new Observation().RelativeReference());
    }

    [Fact]
    public void ResourceType_OfPlaceholders_IsTheDeclaredTypeOrResource()
    {
        // Arrange
        using var document = JsonDocument.Parse("{}");

        // Act
        var other = new OtherResource("Encounter", document.RootElement.Clone());
        var invalid = new InvalidResource(InvalidResourceKind.UnknownResourceType, "Obsrvation", "bad", "resourceType", null, null, document.RootElement.Clone());
        var untyped = new InvalidResource(InvalidResourceKind.MissingResourceType, null, "no type", null, null, null, document.RootElement.Clone());

        // Assert
        Assert.Equal("Encounter", other.ResourceType);
        Assert.Equal("Obsrvation", invalid.ResourceType);
        Assert.Equal("Resource", untyped.ResourceType);
    }

    [Fact]
    public void Lists_SetToNull_AreEmptyNotNull()
    {
        // Act
        var plan = new CarePlan { Activity = null!, Contained = null!, Extension = null!, Note = null! };
        var dosage = new Dosage { DoseAndRate = null!, AdditionalInstruction = null! };

        // Assert
        Assert.Empty(plan.Activity);
        Assert.Empty(plan.Contained);
        Assert.Empty(plan.Extension);
        Assert.Empty(plan.Note);
        Assert.Empty(dosage.DoseAndRate);
        Assert.Empty(dosage.AdditionalInstruction);
    }
}
