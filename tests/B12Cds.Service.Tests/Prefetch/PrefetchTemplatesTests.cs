using System.Text.RegularExpressions;
using B12Cds.Rules.Loading;
using B12Cds.Rules.Model;
using B12Cds.Service.Prefetch;

namespace B12Cds.Service.Tests.Prefetch;

public sealed partial class PrefetchTemplatesTests
{
    private static readonly Lazy<RuleSet> ShippedRules = new(() =>
        RuleSetLoader.LoadDirectory(RepoPaths.Rules).RuleSet ?? throw new InvalidOperationException("The shipped rules do not load."));

    private static readonly DateTimeOffset AsOf = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void For_ShippedRules_GivesEveryKeyInAFixedOrder()
    {
        var templates = PrefetchTemplates.For(ShippedRules.Value, "patient-view", AsOf, new PrefetchOptions());

        Assert.Equal(
            ["patient", "labs", "conditions", "medicationRequests", "medicationStatements", "medicationAdministrations", "procedures", "allergies", "findings"],
            templates.Select(t => t.Key));
        Assert.Equal("Patient/{{context.patientId}}", templates[0].Query);
    }

    [Fact]
    public void For_ShippedRules_RequiresWhatCouldMakeAdviceWrong()
    {
        var templates = PrefetchTemplates.For(ShippedRules.Value, "order-sign", AsOf, new PrefetchOptions());

        Assert.Equal(
            ["patient", "labs", "conditions", "medicationRequests", "medicationStatements", "allergies"],
            templates.Where(t => t.Required).Select(t => t.Key));
    }

    [Fact]
    public void For_ShippedRules_LabsAskForEveryAnalyteCodeWithADateBound()
    {
        var labs = PrefetchTemplates.For(ShippedRules.Value, "patient-view", AsOf, new PrefetchOptions()).Single(t => t.Key == "labs");

        Assert.StartsWith("Observation?patient={{context.patientId}}&code=", labs.Query, StringComparison.Ordinal);
        Assert.Contains("http://loinc.org|2132-9", labs.Query, StringComparison.Ordinal);
        Assert.Contains("http://loinc.org|14685-2", labs.Query, StringComparison.Ordinal);
        Assert.Contains("http://loinc.org|72160-5", labs.Query, StringComparison.Ordinal);
        Assert.Contains("http://loinc.org|14732-2", labs.Query, StringComparison.Ordinal); // unconfirmed, still read by the extractor
        var codes = ShippedRules.Value.Terminology.Analytes.Values.SelectMany(a => a.Codes).Select(c => c.Code).Distinct().Count();
        Assert.Equal(codes, CodeParameter(labs.Query).Split(',').Length);
        Assert.Contains("&date=ge2024-11-21&", labs.Query, StringComparison.Ordinal); // 730 days before the service's date
        Assert.EndsWith("&_sort=-date&_count=100", labs.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void For_ShippedRules_FindingsAskForObservationCodesNotDiagnosisClassifications()
    {
        var findings = PrefetchTemplates.For(ShippedRules.Value, "patient-view", AsOf, new PrefetchOptions()).Single(t => t.Key == "findings");

        Assert.StartsWith("Observation?patient={{context.patientId}}&code=", findings.Query, StringComparison.Ordinal);
        Assert.Contains("http://loinc.org|82810-3", findings.Query, StringComparison.Ordinal); // pregnancy status
        Assert.Contains("http://snomed.info/sct|", findings.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("icd-10", findings.Query, StringComparison.Ordinal);
        Assert.False(findings.Required);
    }

    [Fact]
    public void LabSince_ShortFloor_FollowsTheRuleSetsLongestLookBack()
    {
        var since = PrefetchTemplates.LabSince(ShippedRules.Value, AsOf, new PrefetchOptions { MinimumLabHistory = TimeSpan.FromDays(1) });

        Assert.Equal(new DateOnly(2025, 11, 21), since); // metformin_b12_interval: 12 months
    }

    [Theory]
    [InlineData("patient-view")]
    [InlineData("order-select")]
    [InlineData("order-sign")]
    public void For_EveryHook_UsesOnlyCdsHooksTokensAndTheRecommendedQuerySubset(string hook)
    {
        var templates = PrefetchTemplates.For(ShippedRules.Value, hook, AsOf, new PrefetchOptions());

        foreach (var template in templates)
        {
            Assert.All(TokenPattern().Matches(template.Query), m => Assert.Equal("{{context.patientId}}", m.Value));
            var query = template.Query.Split('?', 2);
            var parameters = query.Length == 2 ? query[1].Split('&').Select(p => p.Split('=')[0]) : [];
            Assert.All(parameters, p => Assert.Contains(p, (string[])["patient", "code", "date", "status", "_count", "_sort"]));
        }
    }

    [Fact]
    public void For_SameRulesAndClock_GivesTheSameTemplates()
    {
        var first = PrefetchTemplates.For(ShippedRules.Value, "patient-view", AsOf, new PrefetchOptions());
        var second = PrefetchTemplates.For(ShippedRules.Value, "order-select", AsOf, new PrefetchOptions());

        Assert.Equal(first, second);
    }

    [Fact]
    public void For_ShippedRules_QueriesStayShortEnoughForAnyServer()
    {
        var templates = PrefetchTemplates.For(ShippedRules.Value, "patient-view", AsOf, new PrefetchOptions());

        // Servers commonly refuse request lines over 8 KB; the token becomes an id of up to 64 characters.
        Assert.All(templates, t => Assert.InRange(t.Query.Length, 1, 4000));
    }

    [Fact]
    public void For_UnknownHook_Throws()
    {
        Assert.Throws<ArgumentException>(() => PrefetchTemplates.For(ShippedRules.Value, "encounter-start", AsOf, new PrefetchOptions()));
    }

    private static string CodeParameter(string query) =>
        query.Split('&').Single(p => p.StartsWith("code=", StringComparison.Ordinal))["code=".Length..];

    [GeneratedRegex(@"\{\{[^}]*\}\}")]
    private static partial Regex TokenPattern();
}
