using System.Net;
using B12Cds.Fhir.Model;

namespace B12Cds.Service.Tests.FhirApi;

/// <summary>Bad input to the FHIR API: a clear status and an OperationOutcome saying why; the service keeps answering.</summary>
[Collection(FhirApiTestGroup.Name)]
public sealed class FhirApiErrorTests(FhirApiFixture fixture)
{
    private const string ApplyPath = "/fhir/PlanDefinition/b12-deficiency/$apply";
    private const string Sample = "normal-results.json";

    /// <summary>A body, its media type, the status and the issue id expected.</summary>
    public static TheoryData<string, string, HttpStatusCode, string> BadBodies { get; } = new()
    {
        { """{"resourceType":"Parameters","parameter":[""", "application/fhir+json", HttpStatusCode.BadRequest, "FHIR001" },
        { "", "application/fhir+json", HttpStatusCode.BadRequest, "FHIR002" },
        { "[1,2]", "application/fhir+json", HttpStatusCode.BadRequest, "FHIR002" },
        { """{"resourceType":"Patient","id":"p1"}""", "application/fhir+json", HttpStatusCode.BadRequest, "FAPI003" },
        { """{"resourceType":"Nonsense"}""", "application/fhir+json", HttpStatusCode.BadRequest, "FHIR004" },
        { """{"resourceType":"Parameters","parameter":[{"name":"subject","valueString":"Patient/p1"},{"name":"data","resource":{"resourceType":"Patient","id":"p1"}}]}""", "application/fhir+json", HttpStatusCode.BadRequest, "FAPI004" },
        { """{"resourceType":"Parameters","parameter":[{"name":"subject","valueString":"Patient/p1"}]}""", "application/fhir+json", HttpStatusCode.BadRequest, "FAPI008" },
        { """{"resourceType":"Bundle","type":"collection"}""", "application/fhir+json", HttpStatusCode.BadRequest, "FAPI005" },
        { """{"resourceType":"Parameters"}""", "text/plain", HttpStatusCode.UnsupportedMediaType, "FAPI010" },
    };

    /// <summary>A Parameters body built on the sample (subject, extra parameters), the status and the issue id expected.</summary>
    public static TheoryData<string?, string[], HttpStatusCode, string> BadParameters { get; } = new()
    {
        { "Patient/not-in-the-data", [], HttpStatusCode.UnprocessableEntity, "FAPI007" },
        { "Group/g1", [], HttpStatusCode.BadRequest, "FAPI004" },
        { null, ["""{"name":"subject","valueString":"Patient/second"}"""], HttpStatusCode.BadRequest, "FAPI006" },
        { null, ["""{"name":"asOf","valueString":"the first of November"}"""], HttpStatusCode.BadRequest, "FAPI004" },
        { null, ["""{"name":"profile","valueCode":"fr"}"""], HttpStatusCode.BadRequest, "FAPI004" },
        { null, ["""{"name":"returnType","valueCode":"Composition"}"""], HttpStatusCode.BadRequest, "FAPI004" },
        { null, ["""{"name":"url","valueUri":"http://example.org/PlanDefinition/other"}"""], HttpStatusCode.NotFound, "FAPI001" },
        { null, ["""{"name":"version","valueString":"0.0.1"}"""], HttpStatusCode.NotFound, "FAPI001" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Apply_BadBody_IsRefusedWithAnOperationOutcome(string body, string mediaType, HttpStatusCode status, string issueId)
    {
        // Arrange
        using var client = fixture.CreateClient();

        // Act
        using var response = await client.PostAsync(new Uri(ApplyPath, UriKind.Relative), FhirApiFixture.FhirContent(body, mediaType));

        // Assert
        var issue = await FhirAssert.OutcomeAsync(response, status, issueId);
        Assert.Contains(issue.Severity, new[] { "error", "fatal" });
    }

    [Theory]
    [MemberData(nameof(BadParameters))]
    public async Task Apply_BadParameter_IsRefusedWithAnOperationOutcome(string? subject, string[] extra, HttpStatusCode status, string issueId)
    {
        // Arrange
        using var client = fixture.CreateClient();
        var body = FhirApiFixture.ApplyParameters(Sample, subject, extraParameters: extra);

        // Act
        using var response = await client.PostAsync(new Uri(ApplyPath, UriKind.Relative), FhirApiFixture.FhirContent(body));

        // Assert
        await FhirAssert.OutcomeAsync(response, status, issueId);
    }

    [Fact]
    public async Task Apply_NoSubject_Is400()
    {
        // Arrange
        using var client = fixture.CreateClient();
        var body = FhirApiFixture.ApplyParameters(Sample).Replace($$"""{"name":"subject","valueString":"Patient/{{Samples.PatientIds(Sample)[0]}}"},""", string.Empty, StringComparison.Ordinal);

        // Act
        using var response = await client.PostAsync(new Uri(ApplyPath, UriKind.Relative), FhirApiFixture.FhirContent(body));

        // Assert
        var issue = await FhirAssert.OutcomeAsync(response, HttpStatusCode.BadRequest, "FAPI005");
        Assert.Equal("subject", Assert.Single(issue.Expression));
    }

    [Fact]
    public async Task Apply_PlainBundleWithTwoPatientsAndNoSubject_Is400Ambiguous()
    {
        // Arrange
        using var client = fixture.CreateClient();
        var data = await File.ReadAllTextAsync(RepoPaths.Sample("messy-ehr.json"));

        // Act
        using var response = await client.PostAsync(new Uri(ApplyPath, UriKind.Relative), FhirApiFixture.FhirContent(data));

        // Assert
        var issue = await FhirAssert.OutcomeAsync(response, HttpStatusCode.BadRequest, "FAPI006");
        Assert.Contains("?subject=", issue.Details!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_UnknownPlanDefinitionId_Is404()
    {
        // Arrange
        using var client = fixture.CreateClient();

        // Act
        using var response = await client.PostAsync(
            new Uri("/fhir/PlanDefinition/other/$apply", UriKind.Relative),
            FhirApiFixture.FhirContent(FhirApiFixture.ApplyParameters(Sample)));

        // Assert
        await FhirAssert.OutcomeAsync(response, HttpStatusCode.NotFound, "FAPI001");
    }

    [Fact]
    public async Task Apply_TypeLevelWithoutUrl_Is400()
    {
        // Arrange
        using var client = fixture.CreateClient();

        // Act
        using var response = await client.PostAsync(new Uri("/fhir/PlanDefinition/$apply", UriKind.Relative), FhirApiFixture.FhirContent(FhirApiFixture.ApplyParameters(Sample)));

        // Assert
        var issue = await FhirAssert.OutcomeAsync(response, HttpStatusCode.BadRequest, "FAPI004");
        Assert.Equal("required", issue.Code);
    }

    [Fact]
    public async Task Apply_MalformedThenValid_TheServiceKeepsAnswering()
    {
        // Arrange
        using var client = fixture.CreateClient();
        using var bad = await client.PostAsync(new Uri(ApplyPath, UriKind.Relative), FhirApiFixture.FhirContent("{\"resourceType\":"));

        // Act
        using var good = await client.PostAsync(new Uri(ApplyPath, UriKind.Relative), FhirApiFixture.FhirContent(FhirApiFixture.ApplyParameters(Sample)));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        _ = await FhirAssert.ReadAsync<CarePlan>(good);
    }

    [Fact]
    public async Task Apply_BodyOverTheLimit_Is413()
    {
        // Arrange
        await using var factory = FhirApiFixture.CreateFactory(("B12Cds:MaxRequestBodyBytes", "2048"));
        using var client = FhirApiFixture.CreateClient(factory);

        // Act
        using var response = await client.PostAsync(new Uri(ApplyPath, UriKind.Relative), FhirApiFixture.FhirContent(FhirApiFixture.ApplyParameters(Sample)));

        // Assert
        var issue = await FhirAssert.OutcomeAsync(response, HttpStatusCode.RequestEntityTooLarge, "FHIR007");
        Assert.Equal("too-long", issue.Code);
    }

    [Fact]
    public async Task RulesNotLoaded_ApplyAndPlanDefinitionAre503_MetadataStillAnswers()
    {
        // Arrange: a rules folder whose only rule file does not load.
        var folder = Directory.CreateTempSubdirectory("b12cds-fhirapi-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "b12"));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "b12", "broken.yaml"), "rules: [ { id: \n");
            await using var factory = FhirApiFixture.CreateFactory(("B12Cds:RulesDirectory", folder.FullName));
            using var client = FhirApiFixture.CreateClient(factory);

            // Act
            using var apply = await client.PostAsync(new Uri(ApplyPath, UriKind.Relative), FhirApiFixture.FhirContent(FhirApiFixture.ApplyParameters(Sample)));
            using var read = await client.GetAsync(new Uri("/fhir/PlanDefinition/b12-deficiency", UriKind.Relative));
            using var metadata = await client.GetAsync(new Uri("/fhir/metadata", UriKind.Relative));

            // Assert
            await FhirAssert.OutcomeAsync(apply, HttpStatusCode.ServiceUnavailable, "FAPI002");
            await FhirAssert.OutcomeAsync(read, HttpStatusCode.ServiceUnavailable, "FAPI002");
            var (statement, _) = await FhirAssert.ReadAsync<CapabilityStatement>(metadata);
            Assert.Null(statement.Version);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
