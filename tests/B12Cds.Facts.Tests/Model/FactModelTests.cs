using B12Cds.Facts.Model;
using B12Cds.Facts.Terminology;
using B12Cds.Fhir.Model;

namespace B12Cds.Facts.Tests.Model;

public sealed class FactModelTests
{
    private static readonly SourceReference Source = new("Observation", "b12", "Observation/b12", "Bundle.entry[1].resource");

    [Theory]
    [InlineData("121.771217712177121771217712", "121.7712 pmol/L")]
    [InlineData("150.0", "150 pmol/L")]
    [InlineData("0.62", "0.62 pmol/L")]
    [InlineData("0.00001", "0 pmol/L")]
    public void MeasurementToString_Value_AtMostFourDecimals(string value, string expected)
    {
        // Arrange
        var measurement = new Measurement(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), "pmol/L");

        // Act
        var text = measurement.ToString();

        // Assert
        Assert.Equal(expected, text);
    }

    [Fact]
    public void MeasurementEquals_SameValueDifferentScale_Equal()
    {
        // Arrange
        var a = new Measurement(150.0m, "pmol/L");
        var b = new Measurement(150m, "pmol/L");

        // Act
        var equal = a == b;

        // Assert
        Assert.True(equal);
        Assert.NotEqual(a, new Measurement(150m, "ng/L"));
    }

    [Fact]
    public void SourceReferenceToString_WithReference_IsReference()
    {
        // Arrange
        var withReference = Source;
        var withoutReference = Source with { Reference = null };

        // Act
        var text = withReference.ToString();
        var fallback = withoutReference.ToString();

        // Assert
        Assert.Equal("Observation/b12", text);
        Assert.Equal("Bundle.entry[1].resource", fallback);
    }

    [Fact]
    public void Is_ValueSetInConcepts_TrueOnlyForThatId()
    {
        // Arrange
        var finding = new Finding
        {
            Source = Source,
            Status = FactStatus.Active,
            Concepts = [new ConceptMatch("vegan-diet", MatchKind.Text, null, "Vegan diet")],
        };

        // Act
        var isVegan = finding.Is("vegan-diet");
        var isVegetarian = finding.Is("vegetarian-diet");

        // Assert
        Assert.True(isVegan);
        Assert.False(isVegetarian);
        Assert.False(finding.Is("Vegan-Diet"));
        Assert.Equal("Observation", finding.Origin);
    }

    [Fact]
    public void Concepts_SetToNull_Empty()
    {
        // Arrange
        var lab = new LabResult
        {
            Source = Source,
            Analyte = "b12-total",
            Effective = FhirDateTime.Parse("2026-10-18"),
            Concepts = null!,
            ValueConcepts = null!,
            Interpretation = null!,
        };

        // Act
        var concepts = lab.Concepts;

        // Assert
        Assert.Empty(concepts);
        Assert.Empty(lab.ValueConcepts);
        Assert.Empty(lab.Interpretation);
        Assert.False(lab.Is("b12-total"));
    }

    [Fact]
    public void IsPositive_ResultPositiveConceptOrPosInterpretation_True()
    {
        // Arrange
        var byConcept = Lab() with { ValueConcepts = [new ConceptMatch("result-positive", MatchKind.Text, null, "Positive")] };
        var byInterpretation = Lab() with { Interpretation = ["POS"] };
        var neither = Lab() with { Interpretation = ["H"] };

        // Act
        var results = new[] { byConcept.IsPositive, byInterpretation.IsPositive, neither.IsPositive };

        // Assert
        Assert.Equal([true, true, false], results);
        Assert.False(byConcept.IsNegative);
    }

    [Fact]
    public void IsNegative_ResultNegativeConceptOrNegInterpretation_True()
    {
        // Arrange
        var byConcept = Lab() with { ValueConcepts = [new ConceptMatch("result-negative", MatchKind.Code, new Coding { System = "http://snomed.info/sct", Code = "260385009" }, null)] };
        var byInterpretation = Lab() with { Interpretation = ["NEG"] };

        // Act
        var results = new[] { byConcept.IsNegative, byInterpretation.IsNegative };

        // Assert
        Assert.Equal([true, true], results);
        Assert.False(byInterpretation.IsPositive);
    }

    [Fact]
    public void MedicationUse_NoPhases_FirstPhasePropertiesNull()
    {
        // Arrange
        var use = new MedicationUse { Source = Source with { ResourceType = "MedicationStatement" }, Status = FactStatus.Active };

        // Act
        var route = use.Route;

        // Assert
        Assert.Null(route);
        Assert.Null(use.Dose);
        Assert.Null(use.IntervalDays);
        Assert.Null(use.DailyDoseMicrograms);
        Assert.Null(use.MaintenancePhase);
        Assert.Null(use.MaintenanceRoute);
        Assert.Null(use.MaintenanceDose);
        Assert.Null(use.MaintenanceIntervalDays);
        Assert.Empty(use.Phases);
        Assert.Equal("MedicationStatement", use.Origin);
    }

    [Fact]
    public void MedicationUse_Phases_FirstPhaseProperties()
    {
        // Arrange
        var use = new MedicationUse
        {
            Source = Source,
            Status = FactStatus.Active,
            Phases =
            [
                new DosePhase { Sequence = 1, Dose = new Measurement(1000m, "ug"), Route = "route-intramuscular", IntervalDays = 2.3333m, DailyDoseMicrograms = 428.5775m },
                new DosePhase { Sequence = 2, Dose = new Measurement(1000m, "ug"), Route = "route-intramuscular", IntervalDays = 91.3125m },
            ],
        };

        // Act
        var route = use.Route;

        // Assert
        Assert.Equal("route-intramuscular", route);
        Assert.Equal(new Measurement(1000m, "ug"), use.Dose);
        Assert.Equal(2.3333m, use.IntervalDays);
        Assert.Equal(428.5775m, use.DailyDoseMicrograms);
    }

    [Fact]
    public void MedicationUse_LoadingThenMaintenance_MaintenancePropertiesFromTheLastPhase()
    {
        // Arrange
        var use = new MedicationUse
        {
            Source = Source,
            Status = FactStatus.Active,
            Phases =
            [
                new DosePhase { Sequence = 1, Dose = new Measurement(1000m, "ug"), Route = "route-intramuscular", IntervalDays = 2.3333m },
                new DosePhase { Sequence = 2, Dose = new Measurement(500m, "ug"), Route = "route-subcutaneous", IntervalDays = 91.3125m },
            ],
        };

        // Act
        var interval = use.MaintenanceIntervalDays;

        // Assert
        Assert.Equal(91.3125m, interval);
        Assert.Equal(new Measurement(500m, "ug"), use.MaintenanceDose);
        Assert.Equal("route-subcutaneous", use.MaintenanceRoute);
        Assert.Same(use.Phases[1], use.MaintenancePhase);
        Assert.Equal(2.3333m, use.IntervalDays);
    }

    [Fact]
    public void MedicationUse_SinglePhase_MaintenancePropertiesAreThatPhase()
    {
        // Arrange
        var use = new MedicationUse
        {
            Source = Source,
            Status = FactStatus.Active,
            Phases = [new DosePhase { Dose = new Measurement(1000m, "ug"), Route = "route-intramuscular", IntervalDays = 30.4375m }],
        };

        // Act
        var interval = use.MaintenanceIntervalDays;

        // Assert
        Assert.Equal(use.IntervalDays, interval);
        Assert.Equal(use.Dose, use.MaintenanceDose);
        Assert.Equal(use.Route, use.MaintenanceRoute);
    }

    [Fact]
    public void FactTypes_EachFactType_RuleFileName()
    {
        // Arrange
        Fact[] facts =
        [
            new PatientFact { Source = Source },
            Lab(),
            new Finding { Source = Source, Status = FactStatus.Active },
            new MedicationUse { Source = Source, Status = FactStatus.Active },
            new MedicationGiven { Source = Source, Effective = FhirDateTime.Parse("2026-10-01") },
            new ProcedureFact { Source = Source },
            new AllergyFact { Source = Source, Status = FactStatus.Active },
        ];

        // Act
        var types = facts.Select(f => f.FactType);

        // Assert
        Assert.Equal(["patient", "lab", "finding", "medication", "administration", "procedure", "allergy"], types);
    }

    [Fact]
    public void FactSetOfType_MixedFacts_OnlyThatType()
    {
        // Arrange
        var set = new FactSet
        {
            AsOf = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
            Facts = [new PatientFact { Source = Source }, Lab(), Lab()],
            Issues = null!,
        };

        // Act
        var labs = set.OfType<LabResult>().ToList();

        // Assert
        Assert.Equal(2, labs.Count);
        Assert.Empty(set.Issues);
        Assert.Null(set.Patient);
    }

    private static LabResult Lab() => new()
    {
        Source = Source,
        Analyte = "intrinsic-factor-antibody",
        Effective = FhirDateTime.Parse("2026-10-18"),
    };
}
