using B12Cds.Fhir.Model;
using B12Cds.Service.Prefetch;
using static B12Cds.Service.Tests.Prefetch.PrefetchTestData;

namespace B12Cds.Service.Tests.Prefetch;

/// <summary>Prefetch the EHR sent (or did not send) with no FHIR server to ask.</summary>
public sealed class ProvidedPrefetchTests
{
    [Fact]
    public async Task Resolve_AllKeysSent_UsesThemAndFlattensBundles()
    {
        var (services, resolver) = Resolver();
        await using var _ = services;
        var request = Request(new()
        {
            ["patient"] = Bytes(Patient()),
            ["labs"] = Bytes(Bundle(null, Observation("o1"), Observation("o2"))),
            ["conditions"] = Bytes(Bundle(null, Condition("c1"))),
            ["procedures"] = null,
        });

        var outcome = await resolver.ResolveAsync(request, CancellationToken.None);

        Assert.Equal([PrefetchKeyState.Provided, PrefetchKeyState.Provided, PrefetchKeyState.Provided, PrefetchKeyState.NoData], outcome.Keys.Select(k => k.State));
        Assert.Equal(["Patient/p1", "Observation/o1", "Observation/o2", "Condition/c1"], outcome.Resources.Select(r => r.RelativeReference()));
        Assert.Empty(outcome.Missing);
        Assert.False(outcome.PreconditionFailed);
        Assert.All(outcome.Keys, k => Assert.Null(k.Problem));
    }

    [Fact]
    public async Task Resolve_JsonNull_IsNoDataNotMissing()
    {
        var (services, resolver) = Resolver();
        await using var _ = services;

        var outcome = await resolver.ResolveAsync(Request(new() { ["patient"] = Bytes(Patient()), ["labs"] = null, ["conditions"] = null, ["procedures"] = null }), CancellationToken.None);

        var labs = outcome.Keys.Single(k => k.Key == "labs");
        Assert.Equal(PrefetchKeyState.NoData, labs.State);
        Assert.True(labs.HasData);
        Assert.Empty(outcome.Missing);
    }

    [Fact]
    public async Task Resolve_OperationOutcome_IsReportedNotEvaluated()
    {
        var (services, resolver) = Resolver();
        await using var _ = services;
        var request = Request(new() { ["patient"] = Bytes(Patient()), ["labs"] = Bytes(Outcome("error", "exception", "lab system offline")), ["conditions"] = null, ["procedures"] = null });

        var outcome = await resolver.ResolveAsync(request, CancellationToken.None);

        var labs = Assert.Single(outcome.Missing);
        Assert.Equal(PrefetchKeyState.OperationOutcome, labs.State);
        Assert.Contains("lab system offline", labs.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain(outcome.Resources, r => r is OperationOutcome);
        Assert.False(outcome.PreconditionFailed);
    }

    [Fact]
    public async Task Resolve_BundleWithOutcomeEntry_UsesTheMatchesAndReportsTheWarning()
    {
        var (services, resolver) = Resolver();
        await using var _ = services;
        var labs = Bundle(null, Observation("o1"), Outcome("warning", "incomplete", "results before 2020 not searched"));

        var outcome = await resolver.ResolveAsync(Request(new() { ["labs"] = Bytes(labs) }), CancellationToken.None);

        var key = outcome.Keys.Single(k => k.Key == "labs");
        Assert.Equal(PrefetchKeyState.Provided, key.State);
        Assert.Equal(["Observation/o1"], key.Resources.Select(r => r.RelativeReference()));
        Assert.Contains("results before 2020 not searched", key.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_WrongEntries_AreDroppedAndReportedAndTheRestUsed()
    {
        var (services, resolver) = Resolver();
        await using var _ = services;
        var labs = Bundle(null, Observation("o1"), Condition("c1"), Observation("o2", patient: "someone-else"));

        var outcome = await resolver.ResolveAsync(Request(new() { ["labs"] = Bytes(labs) }), CancellationToken.None);

        var key = outcome.Keys.Single(k => k.Key == "labs");
        Assert.Equal(PrefetchKeyState.Provided, key.State);
        Assert.Equal(["Observation/o1"], key.Resources.Select(r => r.RelativeReference()));
        Assert.Contains("1 Condition entry dropped", key.Problem, StringComparison.Ordinal);
        Assert.Contains("1 entry about another patient dropped", key.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_OnlyWrongEntries_IsInvalid()
    {
        var (services, resolver) = Resolver();
        await using var _ = services;

        var outcome = await resolver.ResolveAsync(Request(new() { ["labs"] = Bytes(Bundle(null, Condition("c1"))) }), CancellationToken.None);

        var key = outcome.Keys.Single(k => k.Key == "labs");
        Assert.Equal(PrefetchKeyState.Invalid, key.State);
        Assert.Empty(key.Resources);
        Assert.Contains(key, outcome.Missing);
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","id":"other"}""", "not the patient in context")]
    [InlineData("""{"resourceType":"Condition","id":"c1"}""", "got Condition")]
    [InlineData("""{"resourceType":"Patient", "id": """, "not readable")]
    [InlineData("""[1, 2, 3]""", "not readable")]
    public async Task Resolve_BadPatientKey_IsInvalidWithAReason(string json, string reason)
    {
        var (services, resolver) = Resolver();
        await using var _ = services;

        var outcome = await resolver.ResolveAsync(Request(new() { ["patient"] = Bytes(json) }), CancellationToken.None);

        var key = outcome.Keys.Single(k => k.Key == "patient");
        Assert.Equal(PrefetchKeyState.Invalid, key.State);
        Assert.Contains(reason, key.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain(outcome.Resources, r => r is Patient);
    }

    [Fact]
    public async Task Resolve_RequiredKeyMissingWithoutFhirServer_IsPreconditionFailed()
    {
        var (services, resolver) = Resolver();
        await using var _ = services;

        var outcome = await resolver.ResolveAsync(Request(new() { ["patient"] = Bytes(Patient()), ["conditions"] = null, ["procedures"] = null }), CancellationToken.None);

        var labs = Assert.Single(outcome.Missing);
        Assert.Equal(PrefetchKeyState.Unavailable, labs.State);
        Assert.True(outcome.PreconditionFailed);
    }

    [Fact]
    public async Task Resolve_OnlyOptionalKeyMissingWithoutFhirServer_IsNotPreconditionFailed()
    {
        var (services, resolver) = Resolver();
        await using var _ = services;

        var outcome = await resolver.ResolveAsync(Request(new() { ["patient"] = Bytes(Patient()), ["labs"] = null, ["conditions"] = null }), CancellationToken.None);

        Assert.Equal("procedures", Assert.Single(outcome.Missing).Key);
        Assert.False(outcome.PreconditionFailed);
    }

    [Fact]
    public async Task Resolve_TokenWithoutValue_IsUnavailable()
    {
        var (services, resolver) = Resolver();
        await using var _ = services;
        var request = Request(new(), new Uri("http://127.0.0.1:9/fhir")) with { ContextTokens = new Dictionary<string, string>() };

        var outcome = await resolver.ResolveAsync(request, CancellationToken.None);

        Assert.All(outcome.Keys, k => Assert.Equal(PrefetchKeyState.Unavailable, k.State));
        Assert.Contains("context.patientId", outcome.Keys[0].Problem, StringComparison.Ordinal);
        Assert.True(outcome.PreconditionFailed);
    }

    [Fact]
    public void TrySubstitute_EncodesValuesAndNamesAMissingToken()
    {
        var tokens = new Dictionary<string, string> { ["context.patientId"] = "a b/c", ["userPractitionerId"] = "u1" };

        Assert.True(PrefetchResolver.TrySubstitute("Patient/{{context.patientId}}?x={{ userPractitionerId }}", tokens, out var query, out _));
        Assert.Equal("Patient/a%20b%2Fc?x=u1", query);
        Assert.False(PrefetchResolver.TrySubstitute("Encounter/{{context.encounterId}}", tokens, out _, out var missing));
        Assert.Equal("context.encounterId", missing);
    }

    [Theory]
    [InlineData("http://ehr.example/fhir/Observation?page=2", true)]
    [InlineData("http://ehr.example/fhir?page=2", true)]
    [InlineData("https://ehr.example/fhir/Observation?page=2", false)]
    [InlineData("http://ehr.example:8080/fhir/Observation?page=2", false)]
    [InlineData("http://evil.example/fhir/Observation?page=2", false)]
    [InlineData("http://ehr.example/fhir-other/Observation", false)]
    public void IsOnServer_OnlyUnderTheFhirBase(string link, bool expected)
    {
        Assert.Equal(expected, PrefetchResolver.IsOnServer(new Uri(link), new Uri("http://ehr.example/fhir")));
    }
}
