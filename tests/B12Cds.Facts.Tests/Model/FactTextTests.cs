using B12Cds.Facts.Model;
using B12Cds.Facts.Terminology;
using B12Cds.Fhir.Model;

namespace B12Cds.Facts.Tests.Model;

public sealed class FactTextTests
{
    private static readonly SourceReference Source = new("Observation", "b12", "Observation/b12", "Bundle.entry[1].resource");

    [Fact]
    public void Describe_PatientFact_AgeSexBirthDate()
    {
        // Arrange
        var patient = new PatientFact { Source = Source, Label = "Patient", AgeYears = 56, Sex = "female", BirthDate = FhirDateTime.Parse("1970-05-01") };

        // Act
        var text = FactText.Describe(patient);

        // Assert
        Assert.Equal("age 56, female, born 1970-05-01", text);
    }

    [Fact]
    public void Describe_PatientWithoutBirthDateDeceased_AgeUnknownDeceased()
    {
        // Arrange
        var patient = new PatientFact { Source = Source, Deceased = true };

        // Act
        var text = FactText.Describe(patient);

        // Assert
        Assert.Equal("age unknown, deceased", text);
    }

    [Fact]
    public void Describe_ConvertedLab_ValueReportedInterpretationDateStatusLabel()
    {
        // Arrange
        var lab = B12() with
        {
            Value = new Measurement(110.70110701107011070110701107m, "pmol/L"),
            Reported = new Measurement(150m, "ng/L"),
            Interpretation = ["L"],
            Label = "Vitamin B12",
        };

        // Act
        var text = FactText.Describe(lab);

        // Assert
        Assert.Equal("b12-total 110.7011 pmol/L, (reported 150 ng/L), [L], on 2026-10-18T10:45:00+01:00, final \u2014 \"Vitamin B12\"", text);
    }

    [Fact]
    public void Describe_CensoredLabInCanonicalUnit_ComparatorAndNoReported()
    {
        // Arrange
        var lab = B12() with { Value = new Measurement(50m, "pmol/L"), Reported = new Measurement(50m, "pmol/L"), Comparator = "<" };

        // Act
        var text = FactText.Describe(lab);

        // Assert
        Assert.Equal("b12-total <50 pmol/L, on 2026-10-18T10:45:00+01:00, final", text);
    }

    [Fact]
    public void Describe_LabWithUnitMissing_ValueTextAndProblem()
    {
        // Arrange
        var lab = B12() with { ValueText = "190", ValueProblem = "unit-missing" };

        // Act
        var text = FactText.Describe(lab);

        // Assert
        Assert.Equal("b12-total 190 [unit-missing], on 2026-10-18T10:45:00+01:00, final", text);
    }

    [Fact]
    public void Describe_QualitativeLab_ValueText()
    {
        // Arrange
        var lab = B12() with { Analyte = "intrinsic-factor-antibody", ValueText = "Positive", Interpretation = ["POS"] };

        // Act
        var text = FactText.Describe(lab);

        // Assert
        Assert.Equal("intrinsic-factor-antibody Positive, [POS], on 2026-10-18T10:45:00+01:00, final", text);
    }

    [Fact]
    public void Describe_LabWithUnitNotConvertible_ShowsReportedValue()
    {
        // Arrange
        var lab = B12() with { Reported = new Measurement(150m, "fL"), ValueProblem = "unit-not-convertible" };

        // Act
        var text = FactText.Describe(lab);

        // Assert
        Assert.Contains("150 fL", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(no value)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_FindingMatchedByText_ValueSetsStatusOnsetLabel()
    {
        // Arrange
        var finding = new Finding
        {
            Source = Source with { ResourceType = "Condition" },
            Status = FactStatus.Inactive,
            Verification = "confirmed",
            Concepts =
            [
                new ConceptMatch("b12-symptoms", MatchKind.Code, new Coding { System = "http://snomed.info/sct", Code = "84229001" }, null),
                new ConceptMatch("neuro-ataxia", MatchKind.Text, null, "Gait ataxia"),
            ],
            Onset = FhirDateTime.Parse("2026-09"),
            Abatement = FhirDateTime.Parse("2026-10-01"),
            Label = "Gait ataxia",
        };

        // Act
        var text = FactText.Describe(finding);

        // Assert
        Assert.Equal("b12-symptoms, neuro-ataxia (by text), inactive, confirmed, since 2026-09, until 2026-10-01 \u2014 \"Gait ataxia\"", text);
    }

    [Fact]
    public void Describe_FindingWithoutConcepts_NoValueSet()
    {
        // Arrange
        var finding = new Finding { Source = Source, Status = FactStatus.Active };

        // Act
        var text = FactText.Describe(finding);

        // Assert
        Assert.Equal("(no value set), active", text);
    }

    [Fact]
    public void Describe_MedicationUseWithTwoPhases_PhasesJoinedWithThen()
    {
        // Arrange
        var use = new MedicationUse
        {
            Source = Source,
            Status = FactStatus.Proposed,
            Concepts = [new ConceptMatch("hydroxocobalamin", MatchKind.Code, null, null)],
            Phases =
            [
                new DosePhase { Dose = new Measurement(1000m, "ug"), Route = "route-intramuscular", IntervalDays = 2.3333m, DurationDays = 14m },
                new DosePhase { Dose = new Measurement(1000m, "ug"), Route = "route-intramuscular", IntervalDays = 91.3125m, Count = 4 },
                new DosePhase { Text = "as directed" },
                new DosePhase(),
            ],
            Strength = "1 mg/mL",
            Start = FhirDateTime.Parse("2026-10-28"),
            End = FhirDateTime.Parse("2027-10-28"),
        };

        // Act
        var text = FactText.Describe(use);

        // Assert
        Assert.Equal(
            "hydroxocobalamin, proposed, 1 mg route-intramuscular every 2.33 d for 14 d; then 1 mg route-intramuscular every 91.31 d x4; then as directed; then dose not given, strength 1 mg/mL, from 2026-10-28, to 2027-10-28",
            text);
    }

    [Fact]
    public void Describe_MedicationGiven_DoseRouteDateStatus()
    {
        // Arrange
        var given = new MedicationGiven
        {
            Source = Source,
            Concepts = [new ConceptMatch("hydroxocobalamin", MatchKind.Code, null, null)],
            Effective = FhirDateTime.Parse("2026-09-14T10:40:00+01:00"),
            Dose = new Measurement(1000m, "ug"),
            Route = "route-intramuscular",
            FhirStatus = "completed",
        };

        // Act
        var text = FactText.Describe(given);

        // Assert
        Assert.Equal("hydroxocobalamin, 1 mg, route-intramuscular, given 2026-09-14T10:40:00+01:00, completed", text);
    }

    [Fact]
    public void Describe_ProcedureAndAllergy_OneLineEach()
    {
        // Arrange
        var procedure = new ProcedureFact
        {
            Source = Source,
            Concepts = [new ConceptMatch("bariatric-surgery", MatchKind.Text, null, "Roux-en-Y gastric bypass")],
            Performed = FhirDateTime.Parse("2019-04-09"),
            FhirStatus = "completed",
        };
        var allergy = new AllergyFact
        {
            Source = Source,
            Concepts = [new ConceptMatch("cobalt-allergy", MatchKind.Text, null, "Cobalt allergy")],
            Status = FactStatus.Active,
            Criticality = "high",
            Verification = "confirmed",
        };

        // Act
        var procedureText = FactText.Describe(procedure);
        var allergyText = FactText.Describe(allergy);

        // Assert
        Assert.Equal("bariatric-surgery (by text), on 2019-04-09, completed", procedureText);
        Assert.Equal("cobalt-allergy (by text), active, criticality high, confirmed", allergyText);
    }

    [Fact]
    public void Describe_Null_Throws()
    {
        // Arrange
        Fact? fact = null;

        // Act
        var exception = Record.Exception(() => FactText.Describe(fact!));

        // Assert
        Assert.IsType<ArgumentNullException>(exception);
    }

    private static LabResult B12() => new()
    {
        Source = Source,
        Analyte = "b12-total",
        Effective = FhirDateTime.Parse("2026-10-18T10:45:00+01:00"),
        Status = "final",
    };
}
