using System.Net;
using B12Cds.Fhir.Model;

namespace B12Cds.Service.Tests.FhirApi;

/// <summary><c>GET /fhir/metadata</c> and the PlanDefinition read and search.</summary>
[Collection(FhirApiTestGroup.Name)]
public sealed class FhirApiMetadataTests(FhirApiFixture fixture)
{
    [Fact]
    public async Task Metadata_Get_IsAnR4CapabilityStatementWithApplyAndTheVersions()
    {
        // Arrange
        using var client = fixture.CreateClient();
        var ruleSetVersion = await RuleSetVersionAsync(client);

        // Act
        using var response = await client.GetAsync(new Uri("/fhir/metadata", UriKind.Relative));

        // Assert
        var (statement, json) = await FhirAssert.ReadAsync<CapabilityStatement>(response);
        FhirAssert.ValidR4(fixture.Schema, json);
        Assert.Equal("4.0.1", statement.FhirVersion);
        Assert.Equal("instance", statement.Kind);
        Assert.Equal("active", statement.Status);
        Assert.Contains("application/fhir+json", statement.Format);
        Assert.False(string.IsNullOrWhiteSpace(statement.Software?.Version));
        Assert.Equal(ruleSetVersion, statement.Version);
        Assert.Contains(ruleSetVersion, statement.Implementation?.Description, StringComparison.Ordinal);
        Assert.EndsWith("/fhir", statement.Implementation?.Url, StringComparison.Ordinal);
        var rest = Assert.Single(statement.Rest);
        Assert.Equal("server", rest.Mode);
        var planDefinition = Assert.Single(rest.Resource);
        Assert.Equal("PlanDefinition", planDefinition.Type);
        Assert.Equal(["read", "search-type"], planDefinition.Interaction.Select(i => i.Code));
        var apply = Assert.Single(planDefinition.Operation);
        Assert.Equal("apply", apply.Name);
        Assert.Equal("http://hl7.org/fhir/OperationDefinition/PlanDefinition-apply", apply.Definition);
    }

    [Fact]
    public async Task Search_NoParameters_IsASearchsetWithTheActiveRuleSet()
    {
        // Arrange
        using var client = fixture.CreateClient();
        var ruleSetVersion = await RuleSetVersionAsync(client);

        // Act
        using var response = await client.GetAsync(new Uri("/fhir/PlanDefinition", UriKind.Relative));

        // Assert
        var (bundle, json) = await FhirAssert.ReadAsync<Bundle>(response);
        FhirAssert.ValidR4(fixture.Schema, json);
        Assert.Equal("searchset", bundle.Type);
        Assert.Equal(1, bundle.Total);
        var entry = Assert.Single(bundle.Entry);
        Assert.EndsWith("/fhir/PlanDefinition/b12-deficiency", entry.FullUrl, StringComparison.Ordinal);
        Assert.Equal("match", entry.Search?.Mode);
        var definition = Assert.IsType<PlanDefinition>(entry.Resource);
        AssertRuleSet(definition, ruleSetVersion);
    }

    [Theory]
    [InlineData("url=urn:b12cds:plandefinition:b12-deficiency", 1)]
    [InlineData("_id=b12-deficiency", 1)]
    [InlineData("url=http://example.org/PlanDefinition/other", 0)]
    [InlineData("version=0.0.0", 0)]
    public async Task Search_ByParameter_MatchesOnlyTheRuleSet(string query, int expected)
    {
        // Arrange
        using var client = fixture.CreateClient();

        // Act
        using var response = await client.GetAsync(new Uri($"/fhir/PlanDefinition?{query}", UriKind.Relative));

        // Assert
        var (bundle, _) = await FhirAssert.ReadAsync<Bundle>(response);
        Assert.Equal(expected, bundle.Total);
        Assert.Equal(expected, bundle.Entry.Count);
    }

    [Fact]
    public async Task Read_KnownId_IsThePlanDefinitionOfTheActiveRuleSet()
    {
        // Arrange
        using var client = fixture.CreateClient();
        var ruleSetVersion = await RuleSetVersionAsync(client);

        // Act
        using var response = await client.GetAsync(new Uri("/fhir/PlanDefinition/b12-deficiency", UriKind.Relative));

        // Assert
        var (definition, json) = await FhirAssert.ReadAsync<PlanDefinition>(response);
        FhirAssert.ValidR4(fixture.Schema, json);
        AssertRuleSet(definition, ruleSetVersion);
    }

    [Fact]
    public async Task Read_UnknownId_Is404OperationOutcome()
    {
        // Arrange
        using var client = fixture.CreateClient();

        // Act
        using var response = await client.GetAsync(new Uri("/fhir/PlanDefinition/unknown", UriKind.Relative));

        // Assert
        var issue = await FhirAssert.OutcomeAsync(response, HttpStatusCode.NotFound, "FAPI001");
        Assert.Equal("not-found", issue.Code);
        Assert.Contains("PlanDefinition/unknown", issue.Details!.Text, StringComparison.Ordinal);
    }

    /// <summary>Gets the loaded rule-set version as the health endpoint reports it.</summary>
    internal static async Task<string> RuleSetVersionAsync(HttpClient client)
    {
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var document = System.Text.Json.JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("ruleSetVersion").GetString()!;
    }

    private static void AssertRuleSet(PlanDefinition definition, string ruleSetVersion)
    {
        Assert.Equal("b12-deficiency", definition.Id);
        Assert.Equal("urn:b12cds:plandefinition:b12-deficiency", definition.Url);
        Assert.Equal(ruleSetVersion, definition.Version);
        Assert.Equal("active", definition.Status);
        Assert.Equal("eca-rule", definition.Type?.Coding.Single().Code);
        Assert.False(string.IsNullOrWhiteSpace(definition.Title));
        Assert.False(string.IsNullOrWhiteSpace(definition.Description));
        Assert.NotEmpty(definition.RelatedArtifact);

        // One action per clinical area, each holding its rules with their ids, titles and citations.
        var diagnosis = Assert.Single(definition.Action, a => a.Code.Any(c => c.CodeIn("urn:b12cds:area") == "diagnosis"));
        var dx04 = Assert.Single(diagnosis.Action, a => a.Id == "DX-04");
        Assert.False(string.IsNullOrWhiteSpace(dx04.Title));
        Assert.Contains(dx04.Documentation, d => d.Type == "citation" && d.Label is not null);
        Assert.All(definition.Action.SelectMany(a => a.Action), rule => Assert.Matches(@"^[A-Za-z0-9\-\.]{1,64}$", rule.Id));
        Assert.Equal(
            definition.Action.SelectMany(a => a.Action).Count(),
            definition.Action.SelectMany(a => a.Action).Select(a => a.Id).Distinct(StringComparer.Ordinal).Count());
    }
}
