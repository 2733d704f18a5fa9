using System.Text.RegularExpressions;
using B12Cds.Facts.Extraction;
using B12Cds.Facts.Model;
using B12Cds.Facts.Tests.Extraction.Support;
using B12Cds.Fhir.Diagnostics;
using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;

namespace B12Cds.Facts.Tests.Extraction;

/// <summary>The shipped sample bundles (<c>fhir-samples/</c>), extracted at their evaluation date 2026-11-01: what fhir-samples/README.md promises.</summary>
public sealed partial class SampleBundleTests : IClassFixture<ValueSetFixture>
{
    private static readonly FhirJsonParser Parser = new();
    private readonly ValueSetFixture _valueSets;

    public SampleBundleTests(ValueSetFixture valueSets)
    {
        _valueSets = valueSets;
    }

    public static TheoryData<string> AllSamples { get; } = new(SampleFiles.SampleNames());

    [Fact]
    public void SampleFiles_ReadmeTable_EveryListedFileExistsWithItsEntryCount()
    {
        // Arrange
        var readme = File.ReadAllText(Path.Combine(SampleFiles.Directory, "README.md"));
        var listed = ReadmeRow().Matches(readme).ToDictionary(m => m.Groups["file"].Value, m => int.Parse(m.Groups["entries"].Value, System.Globalization.CultureInfo.InvariantCulture));

        // Act
        var actual = SampleFiles.SampleNames().ToDictionary(name => name, name => ((Bundle)Parser.ParseFile(SampleFiles.Sample(name)).Resource!).Entry.Count);

        // Assert
        Assert.Equal(21, listed.Count);
        Assert.Equal(listed.Keys.Order(StringComparer.Ordinal), actual.Keys);
        Assert.All(listed, row => Assert.Equal(row.Value, actual[row.Key]));
    }

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void ParseFile_Sample_CollectionBundleWithNoErrorLevelIssues(string fileName)
    {
        // Arrange
        var path = SampleFiles.Sample(fileName);

        // Act
        var parsed = Parser.ParseFile(path);

        // Assert
        Assert.True(parsed.IsReadable, string.Join(Environment.NewLine, parsed.Issues));
        Assert.False(parsed.HasErrors, string.Join(Environment.NewLine, parsed.Issues));
        var bundle = Assert.IsType<Bundle>(parsed.Resource);
        Assert.Equal("collection", bundle.Type);
        Assert.All(parsed.Issues, i => Assert.Equal(IssueIds.UnsupportedResourceType, i.Id));
    }

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void Extract_Sample_DoesNotThrowAndGivesThePatientFirst(string fileName)
    {
        // Arrange
        var parsed = Parser.ParseFile(SampleFiles.Sample(fileName));

        // Act
        var exception = Record.Exception(() => _valueSets.Extractor.Extract(parsed, TestBundles.AsOf));
        var set = _valueSets.Extractor.Extract(parsed, TestBundles.AsOf);

        // Assert
        Assert.Null(exception);
        Assert.DoesNotContain(set.Issues, i => i.IsError);
        Assert.NotNull(set.Patient);
        Assert.Same(set.Patient, set.Facts[0]);
        Assert.All(set.Facts, f =>
        {
            Assert.StartsWith("Bundle.entry[", f.Source.Path, StringComparison.Ordinal);
            Assert.Equal($"{f.Source.ResourceType}/{f.Source.Id}", f.Source.Reference);
            Assert.NotEmpty(FactText.Describe(f));
        });
        Assert.All(set.Facts.Skip(1), f => Assert.NotEmpty(f.Concepts));
    }

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void Extract_Sample_EveryEntryIsAFactOrAccountedFor(string fileName)
    {
        // Arrange: each entry gives facts, or is a Medication (read through references) or a Patient not evaluated
        // (FACT010 says so), or has an issue naming it.
        var parsed = Parser.ParseFile(SampleFiles.Sample(fileName));
        var bundle = (Bundle)parsed.Resource!;

        // Act
        var set = _valueSets.Extractor.Extract(parsed, TestBundles.AsOf);

        // Assert
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var path = $"Bundle.entry[{i}].resource";
            var accounted = bundle.Entry[i].Resource is Medication
                || (bundle.Entry[i].Resource is Patient && set.Issues.Any(x => x.Id == FactIssueIds.SeveralPatients))
                || set.Facts.Any(f => f.Source.Path == path || f.Source.Path.StartsWith(path + ".", StringComparison.Ordinal))
                || set.Issues.Any(x => x.Expression is { } e && (e == path || e.StartsWith(path + ".", StringComparison.Ordinal)));
            Assert.True(accounted, $"{fileName}: {path} ({bundle.Entry[i].Resource?.ResourceType}) gave no fact and no issue.");
        }
    }

    [Theory]
    [InlineData("vegan-dietary-deficiency.json", 34, "female")]
    [InlineData("pernicious-anaemia-no-neuro.json", 62, "male")]
    [InlineData("pernicious-anaemia-neuro.json", 58, "female")]
    [InlineData("post-bariatric.json", 45, "female")]
    [InlineData("metformin-user.json", 67, "male")]
    [InlineData("nitrous-oxide-user.json", 22, "male")]
    [InlineData("indeterminate-b12-raised-mma.json", 50, "female")]
    [InlineData("non-responder-8-weeks.json", 70, "female")]
    [InlineData("maintenance-overdue.json", 55, "male")]
    [InlineData("folate-started-first.json", 41, "female")]
    [InlineData("pregnancy.json", 30, "female")]
    [InlineData("normal-results.json", 45, "male")]
    [InlineData("stale-results.json", 60, "female")]
    [InlineData("units-pg-ml.json", 52, "male")]
    [InlineData("units-pmol-l.json", 47, "female")]
    [InlineData("crohns-ileal-resection.json", 38, "male")]
    [InlineData("cobalt-allergy-ordering-injection.json", 47, "female")]
    [InlineData("lhon-cyanocobalamin.json", 29, "male")]
    [InlineData("adolescent.json", 14, "female")]
    [InlineData("messy-ehr.json", 72, "male")]
    [InlineData("large-50-resources.json", 65, "male")]
    public void Extract_Sample_HasTheKeyFactsItsReadmePromises(string fileName, int age, string sex)
    {
        // Arrange
        var parsed = Parser.ParseFile(SampleFiles.Sample(fileName));

        // Act
        var set = _valueSets.Extractor.Extract(parsed, TestBundles.AsOf);

        // Assert
        Assert.Equal(age, set.Patient?.AgeYears);
        Assert.Equal(sex, set.Patient?.Sex);
        var check = KeyFacts[fileName];
        check(new SampleFacts(set));
    }

    /// <summary>The README's presentation for each sample, as assertions on its facts.</summary>
    private static readonly Dictionary<string, Action<SampleFacts>> KeyFacts = new(StringComparer.Ordinal)
    {
        ["vegan-dietary-deficiency.json"] = s =>
        {
            Assert.Equal(FactStatus.Active, s.Finding("vegan-diet").Status);
            var b12 = s.Lab("b12-total");
            Assert.Equal(new Measurement(150m, "ng/L"), b12.Reported);
            Assert.True(b12.Reported!.Value.Value < 180m);
            Assert.True(b12.Value!.Value.Value < 133m);
            Assert.Equal("2026-10-18", b12.Effective.Value[..10]);
            Assert.Equal(118m, s.Lab("hemoglobin").Value?.Value);
            Assert.Equal(103m, s.Lab("mcv").Value?.Value);
            Assert.Equal(["N"], s.Lab("folate-serum").Interpretation);
            Assert.Equal(["N"], s.Lab("ferritin").Interpretation);
            Assert.Empty(s.Labs("intrinsic-factor-antibody"));
            Assert.Empty(s.Set.OfType<MedicationUse>());
        },
        ["pernicious-anaemia-no-neuro.json"] = s =>
        {
            Assert.Equal(new Measurement(95m, "pmol/L"), s.Lab("b12-total").Value);
            Assert.True(s.Lab("intrinsic-factor-antibody").IsPositive);
            Assert.Equal(98m, s.Lab("hemoglobin").Value?.Value);
            Assert.Equal(112m, s.Lab("mcv").Value?.Value);
            Assert.Equal(FactStatus.Active, s.Finding("pernicious-anaemia").Status);
            Assert.Empty(s.Findings("neurological-features"));
            Assert.Single(s.Labs("potassium"));
            Assert.Empty(s.Set.OfType<MedicationUse>());
            Assert.Equal(3, s.Set.Issues.Count(i => i.Id == FactIssueIds.NotRelevant));
        },
        ["pernicious-anaemia-neuro.json"] = s =>
        {
            Assert.Equal(new Measurement(80m, "pmol/L"), s.Lab("b12-total").Value);
            var ifa = s.Lab("intrinsic-factor-antibody");
            Assert.True(ifa.IsPositive);
            Assert.False(ifa.IsNegative);
            Assert.Equal(108m, s.Lab("mcv").Value?.Value);
            Assert.Equal(2, s.Findings("neurological-features").Count);
            Assert.Single(s.Findings("neuro-paraesthesia"));
            Assert.Single(s.Findings("neuro-ataxia"));
            Assert.Single(s.Findings("pernicious-anaemia"));
        },
        ["post-bariatric.json"] = s =>
        {
            var surgery = Assert.Single(s.Set.OfType<ProcedureFact>(), p => p.Is("bariatric-surgery"));
            Assert.StartsWith("2019", surgery.Performed?.Value, StringComparison.Ordinal);
            var oral = Assert.Single(s.Set.OfType<MedicationUse>(), m => m.Is("cyanocobalamin"));
            Assert.Equal(FactStatus.Active, oral.Status);
            Assert.Equal("MedicationStatement", oral.Origin);
            Assert.Equal("route-oral", oral.Route);
            Assert.Equal(100m, oral.DailyDoseMicrograms);
            var b12 = s.Lab("b12-total");
            Assert.Equal(new Measurement(160m, "pg/mL"), b12.Reported);
            Assert.Equal(new Measurement(118.08118081180811808118081181m, "pmol/L"), b12.Value);
            Assert.Equal(new Measurement(116m, "g/L"), s.Lab("hemoglobin").Value);
            Assert.Equal(new Measurement(11.6m, "g/dL"), s.Lab("hemoglobin").Reported);
            Assert.Equal(18m, s.Lab("ferritin").Value?.Value);
        },
        ["metformin-user.json"] = s =>
        {
            var metformin = Assert.Single(s.Set.OfType<MedicationUse>(), m => m.Is("metformin"));
            Assert.Equal(FactStatus.Active, metformin.Status);
            Assert.True(metformin.Is("ng239-risk-medicines"));
            Assert.Equal(2_000_000m, metformin.DailyDoseMicrograms);
            Assert.Single(s.Findings("neuro-peripheral-neuropathy"));
            Assert.Equal(new Measurement(210m, "ng/L"), s.Lab("b12-total").Reported);
            Assert.Empty(s.Labs("mma-serum"));
        },
        ["nitrous-oxide-user.json"] = s =>
        {
            Assert.Equal("Observation", s.Finding("nitrous-oxide-use").Origin);
            Assert.Single(s.Findings("neuro-paraesthesia"));
            Assert.Equal(new Measurement(280m, "ng/L"), s.Lab("b12-total").Reported);
            Assert.Equal(new Measurement(48m, "umol/L"), s.Lab("homocysteine").Value);
        },
        ["indeterminate-b12-raised-mma.json"] = s =>
        {
            var b12 = s.Lab("b12-total");
            var mma = s.Lab("mma-serum");
            Assert.Equal(new Measurement(200m, "ng/L"), b12.Reported);
            Assert.Equal(new Measurement(0.62m, "umol/L"), mma.Value);
            Assert.Equal(14, (mma.Effective.Start - b12.Effective.Start).Days);
            Assert.Equal(88m, s.Lab("egfr").Value?.Value);
            Assert.Equal(2, s.Findings("b12-symptoms").Count);
        },
        ["non-responder-8-weeks.json"] = s =>
        {
            Assert.Single(s.Findings("pernicious-anaemia"));
            var given = s.Set.OfType<MedicationGiven>().ToList();
            Assert.Equal(6, given.Count);
            Assert.All(given, g =>
            {
                Assert.True(g.Is("hydroxocobalamin"));
                Assert.Equal(new Measurement(1000m, "ug"), g.Dose);
                Assert.Equal("route-intramuscular", g.Route);
            });
            Assert.Equal("2026-08-20", given.Min(g => g.Effective)!.Value[..10]);
            Assert.Equal("2026-09-02", given.Max(g => g.Effective)!.Value[..10]);
            var request = Assert.Single(s.Set.OfType<MedicationUse>());
            Assert.Equal(FactStatus.Active, request.Status);
            Assert.Equal([2.3333m, 91.3125m], request.Phases.Select(p => p.IntervalDays!.Value));
            Assert.Equal([95m, 97m], s.Labs("hemoglobin").OrderBy(l => l.Effective).Select(l => l.Value!.Value.Value));
            Assert.Equal([1.1m, 1.4m], s.Labs("reticulocytes-percent").OrderBy(l => l.Effective).Select(l => l.Value!.Value.Value));
            Assert.Equal(12m, s.Lab("ferritin").Value?.Value);
        },
        ["maintenance-overdue.json"] = s =>
        {
            Assert.StartsWith("2025-02", s.Finding("pernicious-anaemia").Onset?.Value, StringComparison.Ordinal);
            var requests = s.Set.OfType<MedicationUse>().ToList();
            Assert.Equal(2, requests.Count);
            Assert.Single(requests, r => r.Status == FactStatus.Inactive && r.IntervalDays == 2.3333m);
            Assert.Single(requests, r => r.Status == FactStatus.Active && r.IntervalDays == 91.3125m);
            var given = s.Set.OfType<MedicationGiven>().ToList();
            Assert.Equal(11, given.Count); // 6 loading (March 2025), then every 3 months from June 2025
            Assert.Equal(6, given.Count(g => g.Effective.Value.StartsWith("2025-03", StringComparison.Ordinal)));
            Assert.Equal("2026-06-15", given.Max(g => g.Effective)!.Value[..10]);
            Assert.All(s.Labs("hemoglobin").Concat(s.Labs("mcv")), l => Assert.Equal(["N"], l.Interpretation));
        },
        ["folate-started-first.json"] = s =>
        {
            var folic = Assert.Single(s.Set.OfType<MedicationUse>());
            Assert.True(folic.Is("folic-acid"));
            Assert.Equal(FactStatus.Active, folic.Status);
            Assert.Equal(5000m, folic.DailyDoseMicrograms);
            Assert.Equal("2026-10-01", folic.Start?.Value);
            Assert.False(folic.Is("b12-replacement"));
            var b12 = s.Lab("b12-total");
            Assert.Equal(new Measurement(110m, "ng/L"), b12.Reported);
            Assert.Equal("2026-10-25", b12.Effective.Value[..10]);
            Assert.Equal(105m, s.Lab("hemoglobin").Value?.Value);
            Assert.Equal(110m, s.Lab("mcv").Value?.Value);
            Assert.Equal(2.1m, s.Lab("folate-serum").Value?.Value);
        },
        ["pregnancy.json"] = s =>
        {
            Assert.Equal(["Condition", "Observation"], s.Findings("pregnancy").Select(f => f.Origin).Order(StringComparer.Ordinal));
            Assert.Equal(new Measurement(22m, "pmol/L"), s.Lab("b12-active").Value);
            Assert.Equal(new Measurement(140m, "ng/L"), s.Lab("b12-total").Reported);
            Assert.Equal(102m, s.Lab("hemoglobin").Value?.Value);
            Assert.Equal(101m, s.Lab("mcv").Value?.Value);
        },
        ["normal-results.json"] = s =>
        {
            Assert.Equal(new Measurement(450m, "ng/L"), s.Lab("b12-total").Reported);
            Assert.Equal(140m, s.Lab("hemoglobin").Value?.Value);
            Assert.Equal(90m, s.Lab("mcv").Value?.Value);
            Assert.Empty(s.Set.OfType<MedicationUse>());
            Assert.All(s.Set.OfType<Finding>(), f => Assert.Equal(["b12-symptoms"], f.Concepts.Select(c => c.ValueSetId)));
        },
        ["stale-results.json"] = s =>
        {
            var ppi = Assert.Single(s.Set.OfType<MedicationUse>());
            Assert.True(ppi.Is("ppi"));
            Assert.StartsWith("2022", ppi.Start?.Value, StringComparison.Ordinal);
            var b12 = s.Lab("b12-total");
            Assert.Equal(new Measurement(120m, "ng/L"), b12.Reported);
            Assert.Equal(426, (DateOnly.FromDateTime(TestBundles.AsOf.UtcDateTime).DayNumber - DateOnly.Parse(b12.Effective.Value[..10], System.Globalization.CultureInfo.InvariantCulture).DayNumber));
        },
        ["units-pg-ml.json"] = s =>
        {
            var b12 = s.Lab("b12-total");
            Assert.Equal(new Measurement(170m, "pg/mL"), b12.Reported);
            Assert.Equal(new Measurement(125.46125461254612546125461255m, "pmol/L"), b12.Value);
            Assert.Equal(new Measurement(2.5m, "ug/L"), s.Lab("folate-serum").Value);
            Assert.Equal(new Measurement(132m, "g/L"), s.Lab("hemoglobin").Value);
            Assert.Equal(new Measurement(13.2m, "g/dL"), s.Lab("hemoglobin").Reported);
            Assert.Equal(102m, s.Lab("mcv").Value?.Value);
        },
        ["units-pmol-l.json"] = s =>
        {
            var b12 = s.Lab("b12-total");
            Assert.Equal(new Measurement(132m, "pmol/L"), b12.Value);
            Assert.Equal(b12.Value, b12.Reported);
            Assert.Equal(new Measurement(109m, "g/L"), s.Lab("hemoglobin").Value);
            Assert.Equal(104m, s.Lab("mcv").Value?.Value);
        },
        ["crohns-ileal-resection.json"] = s =>
        {
            Assert.Single(s.Findings("crohns-disease"));
            var resection = Assert.Single(s.Set.OfType<ProcedureFact>());
            Assert.True(resection.Is("ileal-resection"));
            Assert.StartsWith("2021", resection.Performed?.Value, StringComparison.Ordinal);
            var oral = Assert.Single(s.Set.OfType<MedicationUse>());
            Assert.True(oral.Is("cyanocobalamin"));
            Assert.Equal(50m, oral.DailyDoseMicrograms);
            Assert.Equal("route-oral", oral.Route);
            var b12 = s.Lab("b12-total");
            Assert.Equal(new Measurement(140m, "pmol/L"), b12.Value);
            Assert.Empty(b12.Interpretation);
        },
        ["cobalt-allergy-ordering-injection.json"] = s =>
        {
            var allergy = Assert.Single(s.Set.OfType<AllergyFact>());
            Assert.True(allergy.Is("cobalt-allergy"));
            Assert.Equal("high", allergy.Criticality);
            Assert.Equal(FactStatus.Active, allergy.Status);
            Assert.Equal(new Measurement(128m, "pg/mL"), s.Lab("b12-total").Reported);
            var order = Assert.Single(s.Set.OfType<MedicationUse>());
            Assert.True(order.Is("cyanocobalamin"));
            Assert.Equal(FactStatus.Proposed, order.Status);
            Assert.Equal("draft", order.FhirStatus);
            Assert.Equal("order", order.Intent);
            Assert.Equal("2026-11-01", order.Start?.Value[..10]);
            Assert.Equal("route-intramuscular", order.Route);
        },
        ["lhon-cyanocobalamin.json"] = s =>
        {
            Assert.Single(s.Findings("lhon"));
            Assert.Equal(new Measurement(165m, "ng/L"), s.Lab("b12-total").Reported);
            var order = Assert.Single(s.Set.OfType<MedicationUse>());
            Assert.True(order.Is("cyanocobalamin"));
            Assert.Equal(FactStatus.Active, order.Status);
            Assert.Equal("route-intramuscular", order.Route);
        },
        ["adolescent.json"] = s =>
        {
            Assert.Equal(new Measurement(150m, "ng/L"), s.Lab("b12-total").Reported);
        },
        ["messy-ehr.json"] = s =>
        {
            var latest = s.Labs("b12-total").Where(l => l.Value is not null).MaxBy(l => l.Effective)!;
            Assert.Equal("<", latest.Comparator);
            Assert.Equal(new Measurement(100m, "ng/L"), latest.Reported);
            Assert.Equal("2026-10-27", latest.Effective.Value[..10]);
            Assert.Equal(new Measurement(104m, "g/L"), s.Lab("hemoglobin").Value);
            Assert.EndsWith(".component[0]", s.Lab("hemoglobin").Source.Path, StringComparison.Ordinal);
            Assert.Equal(109m, s.Lab("mcv").Value?.Value);
            var hydroxo = Assert.Single(s.Set.OfType<MedicationUse>(), m => m.Is("hydroxocobalamin"));
            Assert.Equal(FactStatus.Active, hydroxo.Status);
            Assert.Equal("1 mg/mL", hydroxo.Strength);
            Assert.Equal("2026-10-28", hydroxo.Start?.Value[..10]);
            Assert.Equal(FactStatus.Active, Assert.Single(s.Set.OfType<MedicationUse>(), m => m.Is("ppi")).Status);
            Assert.Single(s.Labs("b12-total"), l => l.ValueProblem == "unit-missing");
            Assert.Empty(s.Findings("pernicious-anaemia"));
        },
        ["large-50-resources.json"] = s =>
        {
            Assert.Equal(FactStatus.Active, s.Finding("b12-deficiency").Status);
            Assert.Equal(FactStatus.Active, s.Finding("chronic-kidney-disease").Status);
            var hydroxo = Assert.Single(s.Set.OfType<MedicationUse>(), m => m.Is("hydroxocobalamin"));
            Assert.Equal(91.3125m, hydroxo.Phases[^1].IntervalDays);
            Assert.Equal(2.3333m, hydroxo.IntervalDays);
            Assert.Equal(91.3125m, hydroxo.MaintenanceIntervalDays);
            Assert.Equal(new Measurement(1000m, "ug"), hydroxo.MaintenanceDose);
            Assert.Equal("route-intramuscular", hydroxo.MaintenanceRoute);
            Assert.Equal("2026-09-14", s.Set.OfType<MedicationGiven>().Max(g => g.Effective)!.Value[..10]);
            Assert.Single(s.Set.OfType<MedicationUse>(), m => m.Is("metformin"));
            Assert.Single(s.Set.OfType<MedicationUse>(), m => m.Is("ppi"));
            Assert.Equal(new Measurement(152m, "ng/L"), s.Labs("b12-total").Single(l => l.Effective.Value.StartsWith("2025-03", StringComparison.Ordinal)).Reported);
            Assert.Equal([66m, 58m, 57m, 55m, 54m], s.Labs("egfr").OrderBy(l => l.Effective).Select(l => l.Value!.Value.Value));
            Assert.All(s.Labs("hemoglobin").Concat(s.Labs("mcv")).Where(l => l.Effective.Value.StartsWith("2026", StringComparison.Ordinal)), l => Assert.Equal(["N"], l.Interpretation));

            // The README's "IFA negative" is only free text in the B12 deficiency Condition's note: no lab fact.
            Assert.Empty(s.Labs("intrinsic-factor-antibody"));
        },
    };

    [Fact]
    public void Extract_MessyEhr_ExactlyTheDocumentedWarnings()
    {
        // Arrange
        var parsed = Parser.ParseFile(SampleFiles.Sample("messy-ehr.json"));

        // Act
        var set = _valueSets.Extractor.Extract(parsed, TestBundles.AsOf);

        // Assert
        var warnings = set.Issues.Where(i => i.Severity == IssueSeverity.Warning).Select(i => (i.Id, i.Expression)).ToList();
        Assert.Equal(
            [
                (IssueIds.UnsupportedResourceType, "Bundle.entry[2].resource"),
                (IssueIds.UnsupportedResourceType, "Bundle.entry[3].resource"),
                (FactIssueIds.SeveralPatients, "Bundle.entry[0].resource"),
                (FactIssueIds.UnitMissing, "Bundle.entry[4].resource.valueQuantity.unit"),
                (FactIssueIds.OtherPatient, "Bundle.entry[9].resource.subject"),
                (FactIssueIds.UnresolvedReference, "Bundle.entry[18].resource.medicationReference"),
            ],
            warnings);
        Assert.Equal(
            [
                (FactIssueIds.ExcludedStatus, "Bundle.entry[8].resource.status"),
                (FactIssueIds.ExcludedStatus, "Bundle.entry[12].resource.verificationStatus"),
                (FactIssueIds.ExcludedStatus, "Bundle.entry[15].resource.status"),
            ],
            set.Issues.Where(i => i.Severity == IssueSeverity.Information).Select(i => (i.Id, i.Expression)));
        Assert.DoesNotContain(set.Issues, i => i.Severity >= IssueSeverity.Error);
    }

    [Fact]
    public void Extract_MessyEhr_OtherPatientsAndExcludedResourcesGiveNoFacts()
    {
        // Arrange
        var parsed = Parser.ParseFile(SampleFiles.Sample("messy-ehr.json"));

        // Act
        var set = _valueSets.Extractor.Extract(parsed, TestBundles.AsOf);

        // Assert
        Assert.Equal("bb6bd7fb-d559-4f00-aea7-e1933450abb7", set.Patient?.PatientId);
        var ids = set.Facts.Select(f => f.Source.Id).ToHashSet();
        Assert.DoesNotContain("f64bff1f-0048-468a-93aa-151c85985bf7", ids); // Patricia Holloway's B12 of 450 ng/L
        Assert.DoesNotContain("69593b5b-1356-4fbf-9d2b-1d09f3f3c0b1", ids); // entered-in-error 450 ng/L
        Assert.DoesNotContain("6bfdcc7d-5920-423d-9935-a9460230b95c", ids); // refuted pernicious anaemia
        Assert.DoesNotContain("fa41e6e5-a89b-43a6-b09f-e407d120f55a", ids); // cancelled order
        Assert.DoesNotContain(set.OfType<LabResult>(), l => l.Reported?.Value == 450m);
        Assert.Equal(14, set.Facts.Count);
    }

    [Fact]
    public void Extract_MessyEhr_EachB12ProblemReadAsDocumented()
    {
        // Arrange
        var parsed = Parser.ParseFile(SampleFiles.Sample("messy-ehr.json"));

        // Act
        var labs = _valueSets.Extractor.Extract(parsed, TestBundles.AsOf).OfType<LabResult>().Where(l => l.Analyte == "b12-total").ToDictionary(l => l.Source.Path);

        // Assert
        Assert.Equal("unit-missing", labs["Bundle.entry[4].resource"].ValueProblem);
        Assert.Equal(new Measurement(165m, "pg/mL"), labs["Bundle.entry[5].resource"].Reported);
        Assert.Equal(new Measurement(121.77121771217712177121771218m, "pmol/L"), labs["Bundle.entry[5].resource"].Value);
        Assert.Equal(("<", new Measurement(50m, "pmol/L"), "<50 pmol/L"), (labs["Bundle.entry[6].resource"].Comparator, labs["Bundle.entry[6].resource"].Value!.Value, labs["Bundle.entry[6].resource"].ValueText));
        Assert.Equal("<", labs["Bundle.entry[7].resource"].Comparator);
        Assert.Equal(4, labs.Count);
    }

    [Fact]
    public void Extract_Large50Resources_50EntriesGive38FactsAnd12NotRelevant()
    {
        // Arrange: 1 Patient; 2 of 6 Conditions (CKD 3a, B12 deficiency); 3 of 5 MedicationRequests (metformin,
        // omeprazole, hydroxocobalamin); 2 MedicationAdministrations; 30 laboratory Observations. Not B12 facts:
        // 4 Conditions, 2 allergies, 3 procedures, 2 MedicationRequests and the paracetamol MedicationStatement.
        var parsed = Parser.ParseFile(SampleFiles.Sample("large-50-resources.json"));

        // Act
        var set = _valueSets.Extractor.Extract(parsed, TestBundles.AsOf);

        // Assert
        Assert.Equal(50, ((Bundle)parsed.Resource!).Entry.Count);
        Assert.Equal(38, set.Facts.Count);
        Assert.Equal(1, set.Facts.Count(f => f is PatientFact));
        Assert.Equal(2, set.OfType<Finding>().Count());
        Assert.Equal(3, set.OfType<MedicationUse>().Count());
        Assert.Equal(2, set.OfType<MedicationGiven>().Count());
        Assert.Equal(30, set.OfType<LabResult>().Count());
        Assert.Equal(12, set.Issues.Count);
        Assert.All(set.Issues, i => Assert.Equal(FactIssueIds.NotRelevant, i.Id));
    }

    [GeneratedRegex(@"^\| `(?<file>[a-z0-9-]+\.json)` \| (?<entries>\d+) \|", RegexOptions.Multiline)]
    private static partial Regex ReadmeRow();

    /// <summary>One sample's facts, with lookups that fail the test when the fact is not there exactly once.</summary>
    private sealed record SampleFacts(FactSet Set)
    {
        public List<LabResult> Labs(string analyte) => Set.OfType<LabResult>().Where(l => l.Analyte == analyte).ToList();

        public LabResult Lab(string analyte) => Assert.Single(Labs(analyte));

        public List<Finding> Findings(string valueSet) => Set.OfType<Finding>().Where(f => f.Is(valueSet)).ToList();

        public Finding Finding(string valueSet) => Assert.Single(Findings(valueSet));
    }
}
