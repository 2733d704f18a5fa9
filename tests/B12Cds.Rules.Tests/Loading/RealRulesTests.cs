using B12Cds.Rules.Loading;
using B12Cds.Rules.Model;
using B12Cds.Rules.Tests.Support;
using static B12Cds.Rules.Tests.Support.TestFacts;

namespace B12Cds.Rules.Tests.Loading;

/// <summary>The real rules folder (rules/): it loads without error, and its rules behave as their catalogue says.</summary>
public sealed class RealRulesTests : RuleTestFixture
{
    private static readonly Lazy<RuleSetLoadResult> Real = new(() => RuleSetLoader.LoadDirectory(RepoPaths.Rules));

    [Fact]
    public void LoadDirectory_RealRulesFolder_NoErrors()
    {
        // Act
        var result = Real.Value;

        // Assert
        AssertNoErrors(result);
        Assert.Contains("DX-04", result.RuleSet!.ById.Keys);
        Assert.NotEmpty(result.RuleSet.Parameters);
        Assert.NotEmpty(result.RuleSet.Regimens);
        Assert.Matches(@"^\d{4}\.\d{1,2}\.\d+\+[0-9a-f]{12}$", result.RuleSet.Version);
    }

    [Fact]
    public void LoadDirectory_RealRulesFolder_EveryRuleHasACitationAndACatalogueId()
    {
        // Act
        var rules = Given(Real.Value).Rules;

        // Assert
        Assert.All(rules, r =>
        {
            Assert.NotEmpty(r.Citations);
            Assert.Matches(@"^[A-Z]{2,4}-[0-9]{2,3}[a-z]?$", r.Id);
            Assert.EndsWith(".yaml", r.Location.File, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void LoadDirectory_RealRulesFolder_ParametersKeepTheirStatus()
    {
        // Act
        var parameters = Given(Real.Value).Parameters;

        // Assert
        Assert.Equal("180 days", parameters["lookback_dx"].Value.ToString());
        Assert.Equal("design", parameters["lookback_dx"].Status);
        Assert.Equal("0.45 umol/L", parameters["mma_cutoff"].Value.ToString());
        Assert.Equal("unconfirmed", parameters["mma_cutoff"].Status);
    }

    [Theory]
    [InlineData(150, "ng/L", true)]
    [InlineData(179, "ng/L", true)]
    [InlineData(180, "ng/L", false)]
    [InlineData(132, "pmol/L", true)]
    [InlineData(133, "pmol/L", false)]
    [InlineData(300, "pmol/L", false)]
    public void Evaluate_RealDx04_NiceThresholdInTheReportedUnit(int reported, string unit, bool fires)
    {
        // Arrange
        Given(Real.Value);

        // Act
        Evaluate(Lab("b12-total", "2026-10-01", reported, unit));

        // Assert
        Assert.Equal(fires, FiringsOf("DX-04").Count == 1);
    }

    [Fact]
    public void Evaluate_RealDx04_CardCitesTheResultAndDerivesDeficiency()
    {
        // Arrange
        Given(Real.Value);
        var lab = Lab("b12-total", "2026-10-01", 150, "ng/L");

        // Act
        Evaluate(lab);

        // Assert
        Assert.Contains("150 ng/L", CardSummary("DX-04"), StringComparison.Ordinal);
        Assert.Contains("2026-10-01", CardSummary("DX-04"), StringComparison.Ordinal);
        Assert.True(CardSummary("DX-04").Length < 140);
        Assert.Equal("warning", CardOf("DX-04").Indicator);
        Assert.Contains(Fired("DX-04").Sources(), s => s == lab.Source);
    }

    [Fact]
    public void Evaluate_RealDx04_OutsideTheLookBack_DoesNotFire()
    {
        // Arrange
        Given(Real.Value);

        // Act
        Evaluate(Lab("b12-total", DaysAgo(181), 100, "ng/L"));

        // Assert
        NotFired("DX-04");
    }

    [Fact]
    public void LoadDirectory_MissingFolder_Rule016()
    {
        // Act
        var result = RuleSetLoader.LoadDirectory(Path.Combine(RepoPaths.Root, "no-such-rules-folder"));

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(RuleDiagnosticIds.Structure, error.Id);
        Assert.Null(result.RuleSet);
    }

    [Fact]
    public void RuleFiles_RealRulesFolder_RulesParametersAndRegimensOnly()
    {
        // Act
        var files = RuleSetLoader.RuleFiles(RepoPaths.Rules).Select(f => Path.GetRelativePath(RepoPaths.Rules, f).Replace('\\', '/')).ToList();

        // Assert
        Assert.Contains("parameters.yaml", files);
        Assert.Contains("regimens.yaml", files);
        Assert.Contains("b12/diagnosis.yaml", files);
        Assert.DoesNotContain(files, f => f.StartsWith("valuesets/", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.EndsWith(".scenarios.yaml", StringComparison.Ordinal));
        Assert.Equal(files.Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void Load_SameFilesTwice_SameVersion()
    {
        // Arrange
        var files = new[] { ("rules.yaml", RuleFile(Rule("DX-01", "- patient:"))) };

        // Act
        var first = LoadFiles(files).RuleSet!.Version;
        var second = LoadFiles(files).RuleSet!.Version;
        var edited = LoadFiles(("rules.yaml", RuleFile(Rule("DX-01", "- patient:")) + "# edit\n")).RuleSet!.Version;

        // Assert
        Assert.Equal(first, second);
        Assert.NotEqual(first, edited);
        Assert.StartsWith("2026.11.0+", edited, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RulesInFileOrder_OrderNumbersFollowFileNames()
    {
        // Act
        var ruleSet = LoadFiles(
            ("z.yaml", RuleFile(Rule("ZZ-01", "- patient:"))),
            ("m.yaml", RuleFile(Rule("MM-02", "- patient:"), Rule("MM-01", "- patient:")))).RuleSet!;

        // Assert
        Assert.Equal(["MM-02", "MM-01", "ZZ-01"], ruleSet.Rules.Select(r => r.Id));
        Assert.Equal([0, 1, 2], ruleSet.Rules.Select(r => r.Order));
        Assert.All(ruleSet.Rules, r => Assert.Equal(RuleStatus.Active, r.Status));
    }
}
