using B12Cds.Fhir.Diagnostics;

namespace B12Cds.Fhir.Tests.Diagnostics;

/// <summary>Issue ids are a contract with users and logs: they never change meaning.</summary>
public sealed class IssueIdsTests
{
    [Fact]
    public void IssueIds_Values_AreTheStableNumbers()
    {
        // Act
        string[] ids =
        [
            IssueIds.MalformedJson, IssueIds.NotAResource, IssueIds.MissingResourceType, IssueIds.UnknownResourceType,
            IssueIds.InvalidElement, IssueIds.UnsupportedResourceType, IssueIds.TooLarge, IssueIds.NotUtf8,
        ];

        // Assert
        Assert.Equal(["FHIR001", "FHIR002", "FHIR003", "FHIR004", "FHIR005", "FHIR006", "FHIR007", "FHIR008"], ids);
    }
}
