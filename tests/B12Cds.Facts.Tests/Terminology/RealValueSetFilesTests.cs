using B12Cds.Facts.Terminology;

namespace B12Cds.Facts.Tests.Terminology;

public sealed class RealValueSetFilesTests
{
    [Fact]
    public void LoadDirectory_RealRuleFiles_SucceedsWithoutDiagnostics()
    {
        // Act
        var result = TerminologyLoader.LoadDirectory(RepoPaths.ValueSets);

        // Assert
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.Matches(@"^\d{4}\.\d+\.\d+$", result.Catalog.Version);
    }

    [Fact]
    public void RealCatalog_WellKnownValueSetIds_AllExist()
    {
        // Arrange
        var ids = Constants(typeof(ValueSetIds));

        // Assert
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.True(RealCatalog.Instance.ValueSets.ContainsKey(id), $"value set '{id}' is missing"));
    }

    [Fact]
    public void RealCatalog_WellKnownAnalyteIds_AllExist()
    {
        // Arrange
        var ids = Constants(typeof(AnalyteIds));

        // Assert
        Assert.Equal(21, ids.Count);
        Assert.All(ids, id => Assert.True(RealCatalog.Instance.Analytes.ContainsKey(id), $"analyte '{id}' is missing"));
    }

    [Theory]
    [InlineData("b12-total", "pmol/L", new[] { "pmol/L", "ng/L", "pg/mL" }, 1355.0)]
    [InlineData("b12-active", "pmol/L", new[] { "pmol/L" }, null)]
    [InlineData("mma-serum", "umol/L", new[] { "umol/L", "nmol/L" }, null)]
    [InlineData("folate-serum", "ug/L", new[] { "ug/L", "ng/mL", "nmol/L" }, 441.4)]
    [InlineData("hemoglobin", "g/L", new[] { "g/L", "g/dL", "mmol/L" }, 16114.0)]
    [InlineData("hematocrit", "%", new[] { "%", "L/L" }, null)]
    [InlineData("creatinine", "umol/L", new[] { "umol/L", "mg/dL" }, 113.12)]
    [InlineData("egfr", "mL/min/{1.73_m2}", new[] { "mL/min/{1.73_m2}" }, null)]
    [InlineData("ferritin", "ug/L", new[] { "ug/L", "ng/mL" }, null)]
    [InlineData("tsh", "m[IU]/L", new[] { "m[IU]/L", "u[IU]/mL", "mU/L" }, null)]
    [InlineData("reticulocytes-absolute", "10*9/L", new[] { "10*9/L", "10*3/uL", "/nL" }, null)]
    public void RealCatalog_Analyte_HasUnitsAndMolarMass(string id, string canonical, string[] accepted, double? molarMass)
    {
        // Act
        var analyte = RealCatalog.Instance.Analytes[id];

        // Assert
        Assert.False(analyte.Qualitative);
        Assert.Equal(canonical, analyte.CanonicalUnit);
        Assert.Equal(accepted, analyte.AcceptedUnits);
        Assert.Equal(molarMass is null ? null : (decimal)molarMass.Value, analyte.MolarMass);
    }

    [Theory]
    [InlineData("intrinsic-factor-antibody")]
    [InlineData("parietal-cell-antibody")]
    public void RealCatalog_AntibodyAnalytes_AreQualitativeWithoutUnits(string id)
    {
        // Act
        var analyte = RealCatalog.Instance.Analytes[id];

        // Assert
        Assert.True(analyte.Qualitative);
        Assert.Null(analyte.CanonicalUnit);
        Assert.Empty(analyte.AcceptedUnits);
    }

    [Theory]
    [InlineData("hematocrit", "4544-3")]
    [InlineData("wbc", "6690-2")]
    [InlineData("platelets", "777-3")]
    public void RealCatalog_CodesNotInKnowledge_AreMarkedUnconfirmed(string analyteId, string code)
    {
        // Act
        var entry = Assert.Single(RealCatalog.Instance.Analytes[analyteId].Codes, c => c.Code == code);

        // Assert
        Assert.Equal(ValueSetCode.Unconfirmed, entry.Status);
        Assert.Equal("not in KNOWLEDGE; verify", entry.Source);
    }

    [Fact]
    public void RealCatalog_IntrinsicFactorAntibody_HoldsBothValidCodesAndNotTheInvalidOne()
    {
        // Act
        var codes = RealCatalog.Instance.Analytes["intrinsic-factor-antibody"].Codes.Select(c => c.Code).ToList();

        // Assert
        Assert.Equal(["31444-3", "31443-5"], codes);
    }

    [Fact]
    public void RealCatalog_EveryCode_HasStatusAndSource()
    {
        // Arrange
        var codes = RealCatalog.Instance.ValueSets.Values.SelectMany(v => v.Codes)
            .Concat(RealCatalog.Instance.Analytes.Values.SelectMany(a => a.Codes))
            .ToList();

        // Assert
        Assert.NotEmpty(codes);
        Assert.All(codes, c =>
        {
            Assert.Contains(c.Status, new[] { ValueSetCode.Confirmed, ValueSetCode.SingleSource, ValueSetCode.Unconfirmed });
            Assert.False(string.IsNullOrWhiteSpace(c.Source), $"{c.System}|{c.Code} has no source");
        });
    }

    [Fact]
    public void RealCatalog_NeurologicalFeatures_IncludesEveryNeuroSet()
    {
        // Act
        var includes = RealCatalog.Instance.ValueSets["neurological-features"].Includes;

        // Assert
        var neuroSets = RealCatalog.Instance.ValueSets.Keys.Where(k => k.StartsWith("neuro-", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(neuroSets, includes.Order(StringComparer.Ordinal));
    }

    private static List<string> Constants(Type type) =>
        type.GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
}
