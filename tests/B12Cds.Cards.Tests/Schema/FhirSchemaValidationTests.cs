using B12Cds.Cards.CarePlans;
using B12Cds.Cards.CdsHooks;
using B12Cds.Cards.Tests.Support;
using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;
using B12Cds.Rules.Loading;
using B12Cds.Rules.Model;

namespace B12Cds.Cards.Tests.Schema;

/// <summary>Every FHIR resource B12 CDS writes (CarePlans with their contained requests, and every suggestion's resource) validates against the official R4 JSON Schema.</summary>
[Collection(FhirSchemaTestGroup.Name)]
public sealed class FhirSchemaValidationTests(FhirSchemaFixture schema)
{
    public static TheoryData<string, string> SamplesAndProfiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var sample in Directory.EnumerateFiles(RepoPaths.Samples, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            data.Add(sample!, "uk");
            data.Add(sample!, "us");
        }

        return data;
    }

    [Fact]
    public void Validate_InvalidTimingUnit_Rejected()
    {
        // Arrange: the validator must catch what matters here (a periodUnit that is not a UCUM unit of time).
        var rx = new MedicationRequest
        {
            Status = "draft",
            Intent = "proposal",
            Subject = Reference.To("Patient/1"),
            DosageInstruction = [new Dosage { Timing = new Timing { Repeat = new TimingRepeat { Frequency = 1, Period = 1, PeriodUnit = "weeks" } } }],
        };

        // Act
        var errors = schema.Validate(FhirJson.Serialize(rx));

        // Assert
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void ValidateWhole_CarePlanWithContainedMedicationRequest_Valid()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var plan = new CarePlanBuilder(rules).Build(Evaluations.Evaluate(rules, "pernicious-anaemia-neuro.json"), new CarePlanOptions { PatientId = "49898516-ab9d-48cc-b18b-a26e93b3db8e" })!;

        // Act: the whole document once, with its contained MedicationRequest (the other tests validate contained
        // resources one by one; one contained resource keeps this check to seconds).
        var errors = schema.ValidateWhole(FhirJson.Serialize(plan with { Contained = [plan.Contained[0]], Activity = [plan.Activity[0]] }));

        // Assert
        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_ContainedResourceInvalid_ReportedWithItsIndex()
    {
        // Arrange
        var plan = new CarePlan
        {
            Status = "draft",
            Intent = "proposal",
            Subject = Reference.To("Patient/1"),
            Contained = [new ServiceRequest { Status = "draft", Intent = "proposal", Subject = Reference.To("Patient/1"), OccurrenceDateTime = FhirDateTime.Parse("2026-11-01") }, new MedicationRequest { Status = "draft", Intent = "proposal" }],
            Activity = [new CarePlanActivity { Reference = Reference.To("#sr-1") }],
        };

        // Act
        var errors = schema.Validate(FhirJson.Serialize(plan));

        // Assert: the MedicationRequest has no subject (required).
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.StartsWith("contained[1]: ", e, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_CarePlanWithoutPatientId_Valid()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var plan = new CarePlanBuilder(rules).Build(Evaluations.Evaluate(rules, "pernicious-anaemia-neuro.json"))!;

        // Act
        var errors = schema.Validate(FhirJson.Serialize(plan));

        // Assert
        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_EveryRegimenAsMedicationRequestAndEveryFollowUp_Valid()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var builder = new RequestBuilder(rules.Terminology);
        var basis = new RequestBasis { Subject = RequestBasis.SubjectFor("p1"), InstantiatesCanonical = [B12CdsUris.Rule("RG-01", rules.Version)] };
        var resources = new List<Resource>();
        foreach (var regimen in rules.Regimens.Values.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            resources.Add(builder.Medication(regimen, basis));
            resources.AddRange(regimen.FollowUp.Select(f => builder.FollowUp(f, Evaluations.At, basis)));
        }

        resources.AddRange(rules.Terminology.Analytes.Keys.Order(StringComparer.Ordinal).Select(a => builder.LabOrder(a, basis)));
        resources.Add(RequestBuilder.Referral("haematology", basis));

        // Act
        var errors = resources.SelectMany(r => schema.Validate(FhirJson.Serialize(r)).Select(e => $"{r.ResourceType}: {e}")).ToList();

        // Assert
        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(SamplesAndProfiles))]
    public void Validate_EverySampleWithFixtureRules_AllResourcesValid(string sample, string profile)
    {
        // Arrange
        var rules = Evaluations.GoldenRules;

        // Act
        var resources = Produced(rules, sample, profile);

        // Assert
        Assert.Empty(resources.SelectMany(r => schema.Validate(FhirJson.Serialize(r)).Select(e => $"{r.ResourceType}: {e}")));
    }

    [Fact]
    public void Validate_EverySampleWithTheRealRules_AllResourcesValid()
    {
        // Arrange
        var loaded = RuleSetLoader.LoadDirectory(RepoPaths.Rules);
        Assert.True(loaded.Succeeded, $"The real rules in {RepoPaths.Rules} do not load:{Environment.NewLine}{string.Join(Environment.NewLine, loaded.Errors)}");
        var samples = SamplesAndProfiles().Select(row => ((string)row[0], (string)row[1]));

        // Act
        var errors = samples
            .SelectMany(s => Produced(loaded.RuleSet!, s.Item1, s.Item2).Select(r => (Sample: s, Resource: r)))
            .SelectMany(x => schema.Validate(FhirJson.Serialize(x.Resource)).Select(e => $"{x.Sample.Item1} ({x.Sample.Item2}) {x.Resource.ResourceType}: {e}"))
            .ToList();

        // Assert
        Assert.Empty(errors);
    }

    private static List<Resource> Produced(RuleSet rules, string sample, string profile)
    {
        var result = Evaluations.Evaluate(rules, sample, profile);
        var patientId = Evaluations.Facts(rules, sample).Patient?.PatientId;
        var cards = new CardFactory(rules).Create(result, new CardOptions { PatientId = patientId }).Cards;
        var resources = cards.SelectMany(c => c.Suggestions).SelectMany(s => s.Actions).Select(a => a.Resource).OfType<Resource>().ToList();
        if (new CarePlanBuilder(rules).Build(result, new CarePlanOptions { PatientId = patientId }) is { } plan)
        {
            resources.Add(plan);
        }

        return resources;
    }
}
