using System.Text.Json;
using B12Cds.Fhir.Model;

namespace B12Cds.Service.Tests.FhirApi;

/// <summary><c>POST /fhir/PlanDefinition/{id}/$apply</c> and <c>/fhir/PlanDefinition/$apply</c> on the sample bundles, evaluated as of 2026-11-01.</summary>
[Collection(FhirApiTestGroup.Name)]
public sealed class FhirApiApplyTests(FhirApiFixture fixture)
{
    private const string ApplyPath = "/fhir/PlanDefinition/b12-deficiency/$apply";

    /// <summary>Sample, the most severe DetectedIssue expected (README: critical → high), and whether a regimen is proposed.</summary>
    public static TheoryData<string, string, bool> SampleCases { get; } = new()
    {
        { "pernicious-anaemia-no-neuro.json", "moderate", true },
        { "pernicious-anaemia-neuro.json", "high", true },
        { "vegan-dietary-deficiency.json", "moderate", true },
        { "folate-started-first.json", "high", true },
        { "nitrous-oxide-user.json", "high", true },
        { "normal-results.json", "low", false },
        { "adolescent.json", "low", false },
    };

    [Fact]
    public async Task Apply_ParametersWithDataBundle_IsADraftProposalCarePlanWithItsRequestsIssuesAndProvenance()
    {
        // Arrange
        const string sample = "pernicious-anaemia-no-neuro.json";
        var patientId = Samples.PatientIds(sample)[0];
        using var client = fixture.CreateClient();
        var ruleSetVersion = await FhirApiMetadataTests.RuleSetVersionAsync(client);

        // Act
        using var response = await client.PostAsync(new Uri(ApplyPath, UriKind.Relative), FhirApiFixture.FhirContent(FhirApiFixture.ApplyParameters(sample)));

        // Assert
        var (plan, json) = await FhirAssert.ReadAsync<CarePlan>(response);
        FhirAssert.ValidR4(fixture.Schema, json);
        Assert.Equal("proposal", plan.Intent);
        Assert.Equal("draft", plan.Status);
        Assert.Equal($"Patient/{patientId}", plan.Subject?.ReferenceValue);
        Assert.Equal($"urn:b12cds:plandefinition:b12-deficiency|{ruleSetVersion}", plan.InstantiatesCanonical[0]);

        // The regimen and its follow-up tests, contained and referenced from the activities.
        var contained = plan.Contained.ToDictionary(r => $"#{r.Id}", StringComparer.Ordinal);
        var activities = plan.Activity.Select(a => contained[a.Reference!.ReferenceValue!]).ToList();
        var regimen = Assert.Single(activities.OfType<MedicationRequest>());
        Assert.Equal(("draft", "proposal"), (regimen.Status, regimen.Intent));
        Assert.NotEmpty(regimen.DosageInstruction);
        Assert.NotEmpty(activities.OfType<ServiceRequest>());
        Assert.All(activities.OfType<ServiceRequest>(), s => Assert.Equal($"Patient/{patientId}", s.Subject?.ReferenceValue));

        // What was found: a DetectedIssue per card, from supportingInfo, confirmed deficiency among them.
        var issues = plan.SupportingInfo.Select(r => r.ReferenceValue!).Where(contained.ContainsKey).Select(r => contained[r]).OfType<DetectedIssue>().ToList();
        Assert.Equal(plan.Contained.OfType<DetectedIssue>().Count(), issues.Count);
        var deficiency = Assert.Single(issues, i => i.Code?.Text?.StartsWith("DX-04", StringComparison.Ordinal) == true);
        Assert.Equal("moderate", deficiency.Severity);
        Assert.Equal($"Patient/{patientId}", deficiency.Patient?.ReferenceValue);
        Assert.Equal("2026-11-01T00:00:00Z", deficiency.IdentifiedDateTime?.Value);
        Assert.Contains("B12 deficiency confirmed", deficiency.Detail, StringComparison.Ordinal);
        var evidence = Assert.Single(deficiency.Evidence).Detail.Select(d => d.ReferenceValue).ToList();
        Assert.Contains(evidence, e => e!.StartsWith("Observation/", StringComparison.Ordinal));
        Assert.All(issues, i => Assert.Contains(i.Severity, new[] { "high", "moderate", "low" }));

        // Provenance: the plan and everything in it, the rule-set version, and every input resource as a source.
        var provenance = Assert.Single(plan.Contained.OfType<Provenance>());
        Assert.Equal("#", provenance.Target[0].ReferenceValue);
        Assert.Equal(plan.Contained.Count - 1, provenance.Target.Count - 1);
        Assert.Equal("2026-11-01T09:30:00Z", provenance.Recorded?.Value);
        Assert.Equal([$"urn:b12cds:plandefinition:b12-deficiency|{ruleSetVersion}"], provenance.Policy);
        Assert.Equal("Device", Assert.Single(provenance.Agent).Who?.Type);
        var derivation = Assert.Single(provenance.Entity, e => e.Role == "derivation");
        Assert.Equal("PlanDefinition/b12-deficiency", derivation.What?.ReferenceValue);
        Assert.Contains(ruleSetVersion, derivation.What?.Display, StringComparison.Ordinal);
        Assert.Equal(
            Samples.Resources(sample).Select(r => $"{r.Type}/{r.Id}").Order(StringComparer.Ordinal),
            provenance.Entity.Where(e => e.Role == "source").Select(e => e.What!.ReferenceValue!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SampleCases))]
    public async Task Apply_PlainBundleOfSample_ValidCarePlanWithTheExpectedFindings(string sample, string mostSevere, bool proposesRegimen)
    {
        // Arrange
        using var client = fixture.CreateClient();
        var data = await File.ReadAllTextAsync(RepoPaths.Sample(sample));

        // Act
        using var response = await client.PostAsync(new Uri($"{ApplyPath}?asOf={FhirApiFixture.SampleDate}", UriKind.Relative), FhirApiFixture.FhirContent(data));

        // Assert
        var (plan, json) = await FhirAssert.ReadAsync<CarePlan>(response);
        FhirAssert.ValidR4(fixture.Schema, json);
        Assert.Equal("proposal", plan.Intent);
        Assert.Equal($"Patient/{Samples.PatientIds(sample)[0]}", plan.Subject?.ReferenceValue);
        Assert.Equal(proposesRegimen, plan.Contained.OfType<MedicationRequest>().Any());
        var severities = plan.Contained.OfType<DetectedIssue>().Select(i => i.Severity).ToList();
        Assert.NotEmpty(severities);
        Assert.Equal(mostSevere, severities.MaxBy(Rank));
        var provenance = Assert.Single(plan.Contained.OfType<Provenance>());
        Assert.Equal(Samples.Resources(sample).Count, provenance.Entity.Count(e => e.Role == "source"));
    }

    [Fact]
    public async Task Apply_ReturnTypeBundle_IsACollectionWithCarePlanIssuesProvenanceAndWarnings()
    {
        // Arrange
        const string sample = "vegan-dietary-deficiency.json";
        using var client = fixture.CreateClient();
        var body = FhirApiFixture.ApplyParameters(
            sample,
            extraParameters: ["""{"name":"returnType","valueCode":"Bundle"}""", """{"name":"profile","valueCode":"uk"}""", """{"name":"colour","valueString":"blue"}"""]);

        // Act
        using var response = await client.PostAsync(new Uri(ApplyPath, UriKind.Relative), FhirApiFixture.FhirContent(body));

        // Assert
        var (bundle, _) = await FhirAssert.ReadAsync<Bundle>(response);
        Assert.Equal("collection", bundle.Type);
        foreach (var entry in bundle.Entry)
        {
            FhirAssert.ValidR4(fixture.Schema, B12Cds.Fhir.Json.FhirJson.Serialize(entry.Resource!));
            Assert.StartsWith("urn:uuid:", entry.FullUrl, StringComparison.Ordinal);
        }

        var plan = Assert.IsType<CarePlan>(bundle.Entry[0].Resource);
        Assert.Contains("uk profile", plan.Contained.OfType<MedicationRequest>().Single().Note.Single().Text, StringComparison.Ordinal);
        Assert.Contains(plan.Contained.OfType<ServiceRequest>(), s => s.Code?.Text?.Contains("ntrinsic factor", StringComparison.Ordinal) == true);
        var issueUrls = bundle.Entry.Where(e => e.Resource is DetectedIssue).Select(e => e.FullUrl).ToList();
        Assert.NotEmpty(issueUrls);
        Assert.Equal(issueUrls, plan.SupportingInfo.Select(r => r.ReferenceValue).Where(r => r!.StartsWith("urn:uuid:", StringComparison.Ordinal)));
        var provenance = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<Provenance>());
        Assert.Equal([bundle.Entry[0].FullUrl, .. issueUrls], provenance.Target.Select(t => t.ReferenceValue));
        var outcome = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<OperationOutcome>());
        var ignored = Assert.Single(outcome.Issue);
        Assert.Equal("warning", ignored.Severity);
        Assert.Contains("colour", ignored.Details?.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_TypeLevelWithUrlAndJsonMediaType_AppliesTheRuleSet()
    {
        // Arrange
        using var client = fixture.CreateClient();
        var body = FhirApiFixture.ApplyParameters("normal-results.json", extraParameters: ["""{"name":"url","valueUri":"urn:b12cds:plandefinition:b12-deficiency"}"""]);

        // Act
        using var response = await client.PostAsync(new Uri("/fhir/PlanDefinition/$apply", UriKind.Relative), FhirApiFixture.FhirContent(body, "application/json"));

        // Assert
        var (plan, _) = await FhirAssert.ReadAsync<CarePlan>(response);
        Assert.Equal("proposal", plan.Intent);
        Assert.Contains(plan.Contained.OfType<DetectedIssue>(), i => i.Code?.Text?.StartsWith("DX-06", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Apply_EncounterAndPractitioner_AreOnTheCarePlanAndTheProvenance()
    {
        // Arrange
        using var client = fixture.CreateClient();
        var body = FhirApiFixture.ApplyParameters(
            "pernicious-anaemia-no-neuro.json",
            extraParameters: ["""{"name":"encounter","valueString":"Encounter/e1"}""", """{"name":"practitioner","valueString":"Practitioner/dr-1"}"""]);

        // Act
        using var response = await client.PostAsync(new Uri(ApplyPath, UriKind.Relative), FhirApiFixture.FhirContent(body));

        // Assert
        var (plan, json) = await FhirAssert.ReadAsync<CarePlan>(response);
        FhirAssert.ValidR4(fixture.Schema, json);
        Assert.Equal("Encounter/e1", plan.Encounter?.ReferenceValue);
        var agents = plan.Contained.OfType<Provenance>().Single().Agent;
        Assert.Equal(["Device", null], agents.Select(a => a.Who?.Type));
        Assert.Equal("Practitioner/dr-1", agents[1].Who?.ReferenceValue);
    }

    [Fact]
    public async Task Apply_PercentEncodedDollar_RoutesToTheOperation()
    {
        // Arrange
        using var client = fixture.CreateClient();

        // Act
        using var response = await client.PostAsync(
            new Uri("/fhir/PlanDefinition/b12-deficiency/%24apply", UriKind.Relative),
            FhirApiFixture.FhirContent(FhirApiFixture.ApplyParameters("normal-results.json")));

        // Assert
        _ = await FhirAssert.ReadAsync<CarePlan>(response);
    }

    [Fact]
    public async Task Apply_NoAsOf_EvaluatesAtTheClockTime()
    {
        // Arrange
        using var client = fixture.CreateClient();

        // Act
        using var response = await client.PostAsync(new Uri(ApplyPath, UriKind.Relative), FhirApiFixture.FhirContent(FhirApiFixture.ApplyParameters("normal-results.json", asOf: null)));

        // Assert
        var (plan, _) = await FhirAssert.ReadAsync<CarePlan>(response);
        Assert.All(plan.Contained.OfType<DetectedIssue>(), i => Assert.Equal("2026-11-01T09:30:00Z", i.IdentifiedDateTime?.Value));
    }

    [Fact]
    public async Task Apply_BundleWithTwoPatientsAndSubjectQuery_LeavesTheOtherPatientOutOfTheProvenance()
    {
        // Arrange: messy-ehr.json holds Graham (the subject) and one result of Patricia's.
        const string sample = "messy-ehr.json";
        var json = await File.ReadAllTextAsync(RepoPaths.Sample(sample));
        var (graham, patricia, patriciasResources) = Patients(json);
        using var client = fixture.CreateClient();

        // Act
        using var response = await client.PostAsync(
            new Uri($"{ApplyPath}?asOf={FhirApiFixture.SampleDate}&subject=Patient/{graham}", UriKind.Relative),
            FhirApiFixture.FhirContent(json));

        // Assert
        var (plan, body) = await FhirAssert.ReadAsync<CarePlan>(response);
        FhirAssert.ValidR4(fixture.Schema, body);
        Assert.Equal($"Patient/{graham}", plan.Subject?.ReferenceValue);
        var sources = plan.Contained.OfType<Provenance>().Single().Entity.Where(e => e.Role == "source").Select(e => e.What!.ReferenceValue).ToList();
        Assert.Contains($"Patient/{graham}", sources);
        Assert.DoesNotContain($"Patient/{patricia}", sources);
        Assert.NotEmpty(patriciasResources);
        Assert.All(patriciasResources, r => Assert.DoesNotContain(r, sources));
    }

    [Fact]
    public async Task Apply_LargeBundleUnderTheLimit_IsAnswered()
    {
        // Arrange
        const string sample = "large-50-resources.json";
        using var client = fixture.CreateClient();

        // Act
        using var response = await client.PostAsync(new Uri(ApplyPath, UriKind.Relative), FhirApiFixture.FhirContent(FhirApiFixture.ApplyParameters(sample)));

        // Assert
        var (plan, _) = await FhirAssert.ReadAsync<CarePlan>(response);
        Assert.Equal(50, plan.Contained.OfType<Provenance>().Single().Entity.Count(e => e.Role == "source"));
    }

    private static int Rank(string? severity) => severity switch
    {
        "high" => 3,
        "moderate" => 2,
        "low" => 1,
        _ => 0,
    };

    private static (string Graham, string Patricia, List<string> PatriciasResources) Patients(string bundleJson)
    {
        using var document = JsonDocument.Parse(bundleJson);
        var entries = document.RootElement.GetProperty("entry").EnumerateArray().ToList();
        string IdOf(string given) => entries
            .Select(e => e.GetProperty("resource"))
            .Single(r => r.GetProperty("resourceType").GetString() == "Patient" && r.GetProperty("name")[0].GetProperty("given")[0].GetString() == given)
            .GetProperty("id").GetString()!;
        var patricia = IdOf("Patricia");
        var patriciaUrl = entries.Single(e => e.GetProperty("resource").GetProperty("id").GetString() == patricia).GetProperty("fullUrl").GetString();
        var hers = entries
            .Select(e => e.GetProperty("resource"))
            .Where(r => r.TryGetProperty("subject", out var s) && s.TryGetProperty("reference", out var reference)
                && (reference.GetString() == patriciaUrl || reference.GetString() == $"Patient/{patricia}"))
            .Select(r => $"{r.GetProperty("resourceType").GetString()}/{r.GetProperty("id").GetString()}")
            .ToList();
        return (IdOf("Graham"), patricia, hers);
    }
}
