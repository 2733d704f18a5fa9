using B12Cds.Facts.Model;
using B12Cds.Rules.Tests.Support;
using static B12Cds.Rules.Tests.Support.TestFacts;

namespace B12Cds.Rules.Tests.Engine;

/// <summary>What conditions mean at run time: quantities and units, durations, dates, text, lists, missing values.</summary>
public sealed class ExpressionEvaluationTests : RuleTestFixture
{
    private bool FiresOn(string where, params Fact[] facts)
    {
        GivenRules(RuleFile(Rule("TS-01", $"""
            - lab: b12-total
              where: {where}
            """)));
        Evaluate(facts);
        return FiringsOf("TS-01").Count == 1;
    }

    private bool CheckHolds(string check)
    {
        GivenRules(RuleFile(Rule("TS-01", $"""
            - patient:
            - check: {check}
            """)));
        Evaluate(Patient(40));
        return FiringsOf("TS-01").Count == 1;
    }

    [Theory]
    [InlineData(120, "pmol/L", true)] // 162.6 ng/L
    [InlineData(132.8, "pmol/L", true)] // 179.9 ng/L
    [InlineData(133, "pmol/L", false)] // 180.2 ng/L
    [InlineData(179, "ng/L", true)]
    [InlineData(180, "ng/L", false)]
    public void Evaluate_ValueComparedWithAMassUnit_ConvertsThroughTheMolarMass(double reported, string unit, bool fires)
    {
        // Act + Assert
        Assert.Equal(fires, FiresOn("value < 180 ng/L", Lab("b12-total", "2026-10-01", (decimal)reported, unit)));
    }

    [Fact]
    public void Evaluate_ValueOf180NgPerL_IsBelow133PmolPerL()
    {
        // Act: 180 ng/L is 132.84 pmol/L.
        var fires = FiresOn("value < 133 pmol/L", Lab("b12-total", "2026-10-01", 180, "ng/L"));

        // Assert
        Assert.True(fires);
    }

    [Fact]
    public void Evaluate_QuantityLiteralOnTheLeft_ConvertsThroughTheOtherSidesMolarMass()
    {
        // Act
        var fires = FiresOn("180 ng/L > value", Lab("b12-total", "2026-10-01", 120, "pmol/L"));

        // Assert
        Assert.True(fires);
    }

    [Theory]
    [InlineData(180, "ng/L", false)] // not < 180 ng/L; ng/L is not compared with pmol/L
    [InlineData(179.9, "ng/L", true)]
    [InlineData(150, "pg/mL", true)] // pg/mL is ng/L: same kind
    [InlineData(180, "pg/mL", false)]
    [InlineData(132, "pmol/L", true)]
    [InlineData(133, "pmol/L", false)]
    [InlineData(0.13, "nmol/L", true)] // 130 pmol/L: same kind
    public void Evaluate_ReportedWithNiceThresholds_ComparesOnlyUnitsOfItsOwnKind(double reported, string unit, bool fires)
    {
        // Act + Assert
        Assert.Equal(fires, FiresOn("reported < 180 ng/L or reported < 133 pmol/L", Lab("b12-total", "2026-10-01", (decimal)reported, unit)));
    }

    [Theory]
    [InlineData("reported < 133 pmol/L")]
    [InlineData("reported < 180 ng/L")]
    [InlineData("reported >= 133 pmol/L")]
    public void Evaluate_Reported180NgPerL_NotBelowEitherThreshold(string where)
    {
        // Act: 180 ng/L is neither < 133 pmol/L (no conversion for reported) nor < 180 ng/L; nor is it >= 133 pmol/L.
        var fires = FiresOn(where, Lab("b12-total", "2026-10-01", 180, "ng/L"));

        // Assert
        Assert.False(fires);
    }

    [Fact]
    public void Evaluate_SameDimensionUnits_Convert()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - lab: hemoglobin
              where: value < 8 g/dL
            """)));

        // Act
        Evaluate(Lab("hemoglobin", "2026-10-01", 75, "g/L"));

        // Assert
        Fired("TS-01");
    }

    [Theory]
    [InlineData(500, "nmol/L", true)]
    [InlineData(0.45, "umol/L", false)]
    [InlineData(0.46, "umol/L", true)]
    public void Evaluate_QuantityParameter_ComparedAfterConversion(double reported, string unit, bool fires)
    {
        // Arrange
        GivenRules(
            RuleFile(Rule("TS-01", """
                - lab: mma-serum
                  where: value > $mma_cutoff
                """)),
            "version: 2026.11.0\nparameters:\n  mma_cutoff: { value: 0.45 umol/L, status: unconfirmed }\n");

        // Act
        Evaluate(Lab("mma-serum", "2026-10-01", (decimal)reported, unit));

        // Assert
        Assert.Equal(fires, FiringsOf("TS-01").Count == 1);
    }

    [Theory]
    [InlineData("value + 20 pmol/L < 133 pmol/L", 112, true)]
    [InlineData("value + 20 pmol/L < 133 pmol/L", 113, false)]
    [InlineData("value - 27.1 ng/L <= 100 pmol/L", 120, true)] // 120 pmol/L - 20 pmol/L
    [InlineData("-value < -100 pmol/L", 120, true)]
    public void Evaluate_QuantityArithmetic_InTheLeftUnit(string where, double pmol, bool fires)
    {
        // Act + Assert
        Assert.Equal(fires, FiresOn(where, Lab("b12-total", "2026-10-01", (decimal)pmol, "pmol/L")));
    }

    [Theory]
    [InlineData("8 weeks = 56 days", true)]
    [InlineData("8 weeks > 55 days", true)]
    [InlineData("2 weeks = 14 days", true)]
    [InlineData("1 year = 12 months", true)]
    [InlineData("1 month > 30 days", true)] // a UCUM month is 30.4375 days
    [InlineData("1 month < 31 days", true)]
    [InlineData("36 hours < 2 days", true)]
    [InlineData("10 days + 4 days = 2 weeks", true)]
    [InlineData("3 weeks - 1 week = 14 days", true)]
    [InlineData("8 weeks != 56 days", false)]
    public void Evaluate_DurationComparisons_InDays(string check, bool holds)
    {
        // Act + Assert
        Assert.Equal(holds, CheckHolds(check));
    }

    [Theory]
    [InlineData("2026-02-26", true)] // 56 days after the start
    [InlineData("2026-02-25", false)] // 55 days
    public void Evaluate_DifferenceOfTwoDates_ComparedWithWeeks(string labDate, bool fires)
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - medication: b12-replacement
              as: med
            - lab: hemoglobin
              as: hb
              where: effective - med.start >= 8 weeks
            """)));

        // Act
        Evaluate(Medication("b12-replacement", "2026-01-01"), Lab("hemoglobin", labDate, 120, "g/L"));

        // Assert
        Assert.Equal(fires, FiringsOf("TS-01").Count == 1);
    }

    [Theory]
    [InlineData("2026-02-28", true)]
    [InlineData("2026-02-27", false)]
    public void Evaluate_NowMinusMonths_CalendarArithmetic(string labDate, bool fires)
    {
        // Arrange
        Now = At("2026-03-31");

        // Act + Assert
        Assert.Equal(fires, FiresOn("effective >= now - 1 month", Lab("b12-total", labDate, 120, "pmol/L")));
    }

    [Theory]
    [InlineData("2026-01-01", "2026-04-01", true)] // + 3 calendar months
    [InlineData("2026-01-01", "2026-04-02", false)]
    [InlineData("2024-02-29", "2025-02-28", true)] // + 1 year from a leap day
    public void Evaluate_DatePlusMonthsOrYears_CalendarArithmetic(string start, string labDate, bool fires)
    {
        // Arrange
        var months = start.StartsWith("2024", StringComparison.Ordinal) ? "1 year" : "3 months";
        GivenRules(RuleFile(Rule("TS-01", $"""
            - medication: b12-replacement
              as: med
            - lab: hemoglobin
              where: effective <= med.start + {months}
            """)));

        // Act
        Evaluate(Medication("b12-replacement", start), Lab("hemoglobin", labDate, 120, "g/L"));

        // Assert
        Assert.Equal(fires, FiringsOf("TS-01").Count == 1);
    }

    [Theory]
    [InlineData("2026-10-05", false)] // day 4
    [InlineData("2026-10-06", true)] // day 5
    [InlineData("2026-10-08", true)]
    [InlineData("2026-10-11", true)] // day 10
    [InlineData("2026-10-12", false)] // day 11
    public void Evaluate_DateBetween_InclusiveBounds(string labDate, bool fires)
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - administration: b12-replacement
              as: dose
            - lab: reticulocytes-percent
              where: effective between dose.effective + 5 days and dose.effective + 10 days
            """)));

        // Act
        Evaluate(Administration("b12-replacement", "2026-10-01"), Lab("reticulocytes-percent", labDate, 3, "%"));

        // Assert
        Assert.Equal(fires, FiringsOf("TS-01").Count == 1);
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(133, true)]
    [InlineData(200, true)]
    [InlineData(99.9, false)]
    [InlineData(200.1, false)]
    public void Evaluate_QuantityBetween_InclusiveBoundsAfterConversion(double pmol, bool fires)
    {
        // Act + Assert: 271 ng/L is exactly 200 pmol/L.
        Assert.Equal(fires, FiresOn("value between 100 pmol/L and 271 ng/L", Lab("b12-total", "2026-10-01", (decimal)pmol, "pmol/L")));
    }

    [Theory]
    [InlineData("status = final", "final", true)]
    [InlineData("status = FINAL", "final", true)]
    [InlineData("status = 'Final'", "final", true)]
    [InlineData("status = \"final\"", "FINAL", true)]
    [InlineData("final = status", "final", true)]
    [InlineData("status = final", "amended", false)]
    [InlineData("status != final", "amended", true)]
    [InlineData("status != final", "Final", false)]
    public void Evaluate_TextEquality_CaseInsensitive(string where, string status, bool fires)
    {
        // Act + Assert
        Assert.Equal(fires, FiresOn(where, Lab("b12-total", "2026-10-01", 120, "pmol/L") with { Status = status }));
    }

    [Theory]
    [InlineData("status in [final, amended]", "amended", true)]
    [InlineData("status in [final, amended]", "AMENDED", true)]
    [InlineData("status in [final, amended]", "preliminary", false)]
    [InlineData("status not in [preliminary]", "final", true)]
    [InlineData("status not in [preliminary]", "preliminary", false)]
    [InlineData("status in []", "final", false)]
    [InlineData("value in [120 pmol/L, 1 nmol/L]", "final", true)]
    [InlineData("value in [162.6 ng/L]", "final", true)]
    public void Evaluate_InList_MembershipWithTheSameEquality(string where, string status, bool fires)
    {
        // Act + Assert
        Assert.Equal(fires, FiresOn(where, Lab("b12-total", "2026-10-01", 120, "pmol/L") with { Status = status }));
    }

    [Theory]
    [InlineData("age in [16, 17]", 16, true)]
    [InlineData("age in [16, 17]", 18, false)]
    [InlineData("age not in [16, 17]", 18, true)]
    public void Evaluate_NumberInList(string where, int age, bool fires)
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", $"""
            - patient:
              where: {where}
            """)));

        // Act
        Evaluate(Patient(age));

        // Assert
        Assert.Equal(fires, FiringsOf("TS-01").Count == 1);
    }

    [Theory]
    [InlineData("value is missing", true)]
    [InlineData("value is present", false)]
    [InlineData("reported is missing", true)]
    [InlineData("value_problem is present", true)]
    [InlineData("value_problem = value-missing", true)]
    public void Evaluate_IsMissingOrPresent_OnALabWithoutValue(string where, bool fires)
    {
        // Act + Assert
        Assert.Equal(fires, FiresOn(where, LabWithoutValue("b12-total", "2026-10-01")));
    }

    [Theory]
    [InlineData("value is missing", false)]
    [InlineData("value is present", true)]
    [InlineData("comparator is missing", true)]
    public void Evaluate_IsMissingOrPresent_OnALabWithValue(string where, bool fires)
    {
        // Act + Assert
        Assert.Equal(fires, FiresOn(where, Lab("b12-total", "2026-10-01", 120, "pmol/L")));
    }

    [Theory]
    [InlineData("value < 133 pmol/L")]
    [InlineData("value >= 133 pmol/L")]
    [InlineData("value = 133 pmol/L")]
    [InlineData("value != 133 pmol/L")]
    [InlineData("value between 0 pmol/L and 1000 pmol/L")]
    [InlineData("value in [133 pmol/L]")]
    [InlineData("value not in [133 pmol/L]")]
    [InlineData("reported < 180 ng/L or reported < 133 pmol/L")]
    [InlineData("comparator = '<'")]
    public void Evaluate_ComparisonWithAMissingValue_IsFalse(string where)
    {
        // Act + Assert
        Assert.False(FiresOn(where, LabWithoutValue("b12-total", "2026-10-01")));
    }

    [Fact]
    public void Evaluate_NotOfAComparisonWithAMissingValue_IsTrue()
    {
        // Act: the comparison is false, so its negation is true (test 'is missing' to tell the cases apart).
        var fires = FiresOn("not (value >= 133 pmol/L)", LabWithoutValue("b12-total", "2026-10-01"));

        // Assert
        Assert.True(fires);
    }

    [Fact]
    public void Evaluate_MissingDate_ComparisonIsFalse()
    {
        // Arrange
        GivenRules(RuleFile(
            Rule("TS-01", "- medication: b12-replacement\n  where: start < now"),
            Rule("TS-02", "- medication: b12-replacement\n  where: start >= now"),
            Rule("TS-03", "- medication: b12-replacement\n  where: start is missing")));

        // Act
        Evaluate(Medication("b12-replacement", start: null));

        // Assert
        NotFired("TS-01", "TS-02");
        Fired("TS-03");
    }

    [Theory]
    [InlineData("positive", true)]
    [InlineData("negative", false)]
    [InlineData("positive = true", true)]
    [InlineData("not negative", true)]
    public void Evaluate_BooleanField_IsACondition(string where, bool fires)
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", $"""
            - lab: intrinsic-factor-antibody
              where: {where}
            """)));
        var lab = LabWithoutValue("intrinsic-factor-antibody", "2026-10-01") with { ValueConcepts = In("result-positive"), ValueText = "Positive", ValueProblem = null };

        // Act
        Evaluate(lab);

        // Assert
        Assert.Equal(fires, FiringsOf("TS-01").Count == 1);
    }

    [Theory]
    [InlineData("b12.analyte = b12-total", true)]
    [InlineData("b12.label = 'Vitamin B12 (cobalamin), total, serum or plasma'", true)]
    [InlineData("b12.source = 'Observation/b12-a'", true)]
    [InlineData("b12.effective < now", true)]
    [InlineData("b12.effective = now", false)]
    public void Evaluate_CommonAndDatedFields_ReadFromTheBinding(string check, bool holds)
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", $"""
            - lab: b12-total
              as: b12
            - check: {check}
            """)));

        // Act
        Evaluate(Lab("b12-total", "2026-10-01", 120, "pmol/L", id: "b12-a"));

        // Assert
        Assert.Equal(holds, FiringsOf("TS-01").Count == 1);
    }

    [Theory]
    [InlineData("dose >= 1 mg", true)]
    [InlineData("dose > 1 mg", false)]
    [InlineData("daily_dose is missing", true)]
    [InlineData("route = route-intramuscular and interval_days is missing", true)]
    public void Evaluate_MedicationFields(string where, bool fires)
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", $"""
            - medication: b12-replacement
              where: {where}
            """)));

        // Act
        Evaluate(Medication("b12-replacement", "2026-01-01", route: "route-intramuscular", doseMicrograms: 1000));

        // Assert
        Assert.Equal(fires, FiringsOf("TS-01").Count == 1);
    }

    [Theory]
    [InlineData("interval_days < 3 and maintenance_interval_days >= 89 and maintenance_interval_days <= 92", true)]
    [InlineData("dose = 1 mg and maintenance_dose = 500 ug", true)]
    [InlineData("route = route-intramuscular and maintenance_route = route-subcutaneous", true)]
    [InlineData("phases = 2 and maintenance_interval_days = interval_days", false)]
    public void Evaluate_MaintenanceFields_ReadTheLastPhase(string where, bool fires)
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", $"""
            - medication: b12-replacement
              where: {where}
            """)));
        var medication = Medication("b12-replacement", "2026-01-01") with
        {
            Phases =
            [
                new DosePhase { Route = "route-intramuscular", Dose = new Measurement(1000m, "ug"), IntervalDays = 2.3333m },
                new DosePhase { Route = "route-subcutaneous", Dose = new Measurement(500m, "ug"), IntervalDays = 91.3125m },
            ],
        };

        // Act
        Evaluate(medication);

        // Assert
        Assert.Equal(fires, FiringsOf("TS-01").Count == 1);
    }

    [Theory]
    [InlineData("maintenance_route = route-intramuscular and maintenance_dose = 1 mg and maintenance_interval_days is missing", true)]
    [InlineData("maintenance_dose is present", true)]
    public void Evaluate_MaintenanceFieldsOfASinglePhase_ThatPhase(string where, bool fires)
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", $"""
            - medication: b12-replacement
              where: {where}
            """)));

        // Act
        Evaluate(Medication("b12-replacement", "2026-01-01", route: "route-intramuscular", doseMicrograms: 1000));

        // Assert
        Assert.Equal(fires, FiringsOf("TS-01").Count == 1);
    }

    [Fact]
    public void Evaluate_MaintenanceFieldsWithoutDosage_Missing()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - medication: b12-replacement
              where: maintenance_route is missing and maintenance_dose is missing and maintenance_interval_days is missing
            """)));

        // Act
        Evaluate(Medication("b12-replacement", "2026-01-01"));

        // Assert
        Fired("TS-01");
    }

    [Theory]
    [InlineData("end + 30 days > now", "2026-01-01", "9999-12-31")]
    [InlineData("end + 1 year > now", "2026-01-01", "9999-12-31")]
    [InlineData("start - 30 days < now", "0001-01-01", null)]
    public void Evaluate_DateArithmeticBeyondTheCalendar_FalseNotAnException(string where, string start, string? end)
    {
        // Arrange
        GivenRules(RuleFile(
            Rule("TS-01", $"- medication: b12-replacement\n  where: {where}"),
            Rule("TS-02", "- medication: b12-replacement")));
        var medication = Medication("b12-replacement", start) with { End = end is null ? null : B12Cds.Fhir.Model.FhirDateTime.Parse(end) };

        // Act
        var ex = Record.Exception(() => Evaluate(medication));

        // Assert
        Assert.Null(ex);
        NotFired("TS-01");
        Fired("TS-02");
    }
}
