using System.Globalization;
using B12Cds.Facts.Extraction;
using B12Cds.Facts.Model;
using B12Cds.Facts.Terminology;
using B12Cds.Facts.Tests.Extraction.Support;
using B12Cds.Fhir.Diagnostics;

namespace B12Cds.Facts.Tests.Extraction;

/// <summary>Laboratory results: analytes, unit conversion to each analyte's canonical unit, qualitative results, panels, censored values.</summary>
public sealed partial class FactExtractorTests
{
    private const string B12Mass = "2132-9";
    private const string B12Molar = "14685-2";

    [Fact]
    public void Catalog_B12Total_CanonicalUnitIsPmolPerL()
    {
        // Arrange
        var analytes = _valueSets.Catalog.Analytes;

        // Act
        var b12 = analytes["b12-total"];

        // Assert
        Assert.Equal("pmol/L", b12.CanonicalUnit);
        Assert.Equal(1355m, b12.MolarMass);
    }

    [Fact]
    public void Extract_B12InNgPerL_ValueConvertedToPmolPerLAndReportedKept()
    {
        // Arrange
        var observation = TestBundles.Lab("b12", B12Mass, TestBundles.Quantity("150", "ng/L"));

        // Act
        var lab = ExtractSingleLab(observation);

        // Assert
        Assert.Equal("b12-total", lab.Analyte);
        Assert.Equal(new Measurement(110.70110701107011070110701107m, "pmol/L"), lab.Value);
        Assert.Equal(new Measurement(150m, "ng/L"), lab.Reported);
        Assert.Null(lab.ValueProblem);
        Assert.Null(lab.Comparator);
        Assert.Equal("final", lab.Status);
        Assert.Equal(TestBundles.Effective, lab.Effective.Value);
        Assert.Equal("2132-9", lab.Code?.Code);
        Assert.Equal(MatchKind.Code, Assert.Single(lab.Concepts).Kind);
    }

    [Fact]
    public void Extract_B12InNgPerLThatConvertsExactly_ValueIsExact()
    {
        // Arrange: 271 ng/L x 1000 / 1355 g/mol = 200 pmol/L exactly.
        var observation = TestBundles.Lab("b12", B12Mass, TestBundles.Quantity("271", "ng/L"));

        // Act
        var lab = ExtractSingleLab(observation);

        // Assert
        Assert.Equal(new Measurement(200m, "pmol/L"), lab.Value);
        Assert.Equal(new Measurement(271m, "ng/L"), lab.Reported);
    }

    [Fact]
    public void Extract_B12InPgPerMl_ValueConvertedToPmolPerLAndReportedKept()
    {
        // Arrange
        var observation = TestBundles.Lab("b12", B12Mass, TestBundles.Quantity("160", "pg/mL"));

        // Act
        var lab = ExtractSingleLab(observation);

        // Assert
        Assert.Equal(new Measurement(118.08118081180811808118081181m, "pmol/L"), lab.Value);
        Assert.Equal(new Measurement(160m, "pg/mL"), lab.Reported);
    }

    [Fact]
    public void Extract_B12InPgPerMlLowerCaseUnitOnly_UnitNormalisedAndConverted()
    {
        // Arrange: only "unit", in lower case, no system or code (as in messy-ehr.json).
        var observation = TestBundles.Lab("b12", B12Mass, """ "valueQuantity": { "value": 542, "unit": "pg/ml" } """);

        // Act
        var lab = ExtractSingleLab(observation);

        // Assert
        Assert.Equal(new Measurement(400m, "pmol/L"), lab.Value);
        Assert.Equal(new Measurement(542m, "pg/mL"), lab.Reported);
    }

    [Fact]
    public void Extract_B12InPmolPerL_SameUnitKeepsReportedPrecision()
    {
        // Arrange
        var observation = TestBundles.Lab("b12", B12Molar, TestBundles.Quantity("150.0", "pmol/L"));

        // Act
        var lab = ExtractSingleLab(observation);

        // Assert
        Assert.Equal(new Measurement(150m, "pmol/L"), lab.Value);
        Assert.Equal("150.0", lab.Value!.Value.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(lab.Value, lab.Reported);
        Assert.Equal("14685-2", lab.Code?.Code);
    }

    [Theory]
    [InlineData("72160-5", "22", "pmol/L", "b12-active", "22", "pmol/L")]
    [InlineData("13964-2", "620", "nmol/L", "mma-serum", "0.62", "umol/L")]
    [InlineData("13964-2", "0.62", "umol/L", "mma-serum", "0.62", "umol/L")]
    [InlineData("13965-9", "48", "umol/L", "homocysteine", "48", "umol/L")]
    [InlineData("2284-8", "4.2", "ug/L", "folate-serum", "4.2", "ug/L")]
    [InlineData("2284-8", "5.5", "ng/mL", "folate-serum", "5.5", "ug/L")]
    [InlineData("2284-8", "10", "nmol/L", "folate-serum", "4.414", "ug/L")]
    [InlineData("718-7", "11.6", "g/dL", "hemoglobin", "116", "g/L")]
    [InlineData("718-7", "6.2", "mmol/L", "hemoglobin", "99.9068", "g/L")]
    [InlineData("718-7", "118", "g/L", "hemoglobin", "118", "g/L")]
    [InlineData("787-2", "103", "fL", "mcv", "103", "fL")]
    [InlineData("2823-3", "4.2", "mmol/L", "potassium", "4.2", "mmol/L")]
    public void Extract_AnalyteInUnit_ValueInCanonicalUnit(string loinc, string value, string unit, string analyte, string expected, string expectedUnit)
    {
        // Arrange
        var observation = TestBundles.Lab("lab", loinc, TestBundles.Quantity(value, unit));

        // Act
        var lab = ExtractSingleLab(observation);

        // Assert
        Assert.Equal(analyte, lab.Analyte);
        Assert.Equal(_valueSets.Catalog.Analytes[analyte].CanonicalUnit, expectedUnit);
        Assert.Equal(new Measurement(decimal.Parse(expected, CultureInfo.InvariantCulture), expectedUnit), lab.Value);
        Assert.Equal(new Measurement(decimal.Parse(value, CultureInfo.InvariantCulture), unit), lab.Reported);
        Assert.Null(lab.ValueProblem);
    }

    [Fact]
    public void Extract_PotassiumInMeqPerL_ConvertedToMmolPerL()
    {
        // Arrange
        var observation = TestBundles.Lab("k", "2823-3", """ "valueQuantity": { "value": 4.2, "unit": "mEq/L" } """);

        // Act
        var set = Extract(TestBundles.WithPatient(observation));

        // Assert
        var lab = Assert.Single(set.OfType<LabResult>());
        Assert.Null(lab.ValueProblem);
        Assert.Equal(new Measurement(4.2m, "mmol/L"), lab.Value);
        Assert.DoesNotContain(set.Issues, i => i.Id == FactIssueIds.UnitNotConvertible);
    }

    [Fact]
    public void Extract_IntrinsicFactorAntibodyPositiveCode_IsPositive()
    {
        // Arrange
        var observation = TestBundles.Lab("ifa", "31444-3", """
            "valueCodeableConcept": { "coding": [ { "system": "http://snomed.info/sct", "code": "10828004", "display": "Positive" } ], "text": "Positive" }
            """);

        // Act
        var lab = ExtractSingleLab(observation);

        // Assert
        Assert.Equal("intrinsic-factor-antibody", lab.Analyte);
        Assert.True(lab.IsPositive);
        Assert.False(lab.IsNegative);
        Assert.Equal("Positive", lab.ValueText);
        Assert.Contains(lab.ValueConcepts, c => c.ValueSetId == "result-positive" && c.Kind == MatchKind.Code);
        Assert.Null(lab.Value);
        Assert.Null(lab.ValueProblem);
    }

    [Fact]
    public void Extract_IntrinsicFactorAntibodyNegativeCode_IsNegative()
    {
        // Arrange
        var observation = TestBundles.Lab("ifa", "31443-5", """
            "valueCodeableConcept": { "coding": [ { "system": "http://snomed.info/sct", "code": "260385009", "display": "Negative" } ] }
            """);

        // Act
        var set = Extract(TestBundles.WithPatient(observation));

        // Assert
        var lab = Assert.Single(set.OfType<LabResult>());
        Assert.Equal("intrinsic-factor-antibody", lab.Analyte);
        Assert.True(lab.IsNegative);
        Assert.False(lab.IsPositive);
        Assert.Equal("Negative", lab.ValueText);
        Assert.Null(lab.ValueProblem);
        Assert.DoesNotContain(set.Issues, i => i.Id == FactIssueIds.ValueMissing);
    }

    [Fact]
    public void Extract_IntrinsicFactorAntibodyPositiveByInterpretationOnly_IsPositive()
    {
        // Arrange
        var observation = TestBundles.Lab("ifa", "31444-3", """
            "interpretation": [ { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "code": "POS" } ] } ]
            """);

        // Act
        var set = Extract(TestBundles.WithPatient(observation));

        // Assert
        var lab = Assert.Single(set.OfType<LabResult>());
        Assert.True(lab.IsPositive);
        Assert.Equal(["POS"], lab.Interpretation);
        Assert.Null(lab.ValueProblem);
        Assert.DoesNotContain(set.Issues, i => i.Id == FactIssueIds.ValueMissing);
    }

    [Fact]
    public void Extract_Panel_EachKnownComponentIsALabWithComponentPath()
    {
        // Arrange: a CBC panel with no top-level value; the third component is not a known analyte.
        var panel = """
            {
              "resourceType": "Observation", "id": "cbc", "status": "final",
              "code": { "coding": [ { "system": "http://loinc.org", "code": "58410-2", "display": "CBC panel - Blood by Automated count" } ] },
              "subject": { "reference": "Patient/p1" },
              "effectiveDateTime": "2026-10-27T11:30:00Z",
              "component": [
                { "code": { "coding": [ { "system": "http://loinc.org", "code": "718-7" } ], "text": "Hb" },
                  "valueQuantity": { "value": 10.4, "unit": "g/dL", "system": "http://unitsofmeasure.org", "code": "g/dL" },
                  "interpretation": [ { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "code": "L" } ] } ] },
                { "code": { "coding": [ { "system": "http://loinc.org", "code": "787-2" } ], "text": "MCV" },
                  "valueQuantity": { "value": 109, "unit": "fL", "system": "http://unitsofmeasure.org", "code": "fL" } },
                { "code": { "coding": [ { "system": "http://loinc.org", "code": "785-6" } ], "text": "MCH" },
                  "valueQuantity": { "value": 35, "unit": "pg", "system": "http://unitsofmeasure.org", "code": "pg" } },
                { "code": { "coding": [ { "system": "http://loinc.org", "code": "777-3" } ], "text": "PLT" },
                  "valueQuantity": { "value": 188, "unit": "10*9/L", "system": "http://unitsofmeasure.org", "code": "10*9/L" } }
              ]
            }
            """;

        // Act
        var set = Extract(TestBundles.WithPatient(panel));

        // Assert
        var labs = set.OfType<LabResult>().ToList();
        Assert.Equal(["hemoglobin", "mcv", "platelets"], labs.Select(l => l.Analyte));
        Assert.Equal(
            ["Bundle.entry[1].resource.component[0]", "Bundle.entry[1].resource.component[1]", "Bundle.entry[1].resource.component[3]"],
            labs.Select(l => l.Source.Path));
        Assert.All(labs, l => Assert.Equal("Observation/cbc", l.Source.Reference));
        Assert.Equal(new Measurement(104m, "g/L"), labs[0].Value);
        Assert.Equal(["L"], labs[0].Interpretation);
        Assert.Equal("Hb", labs[0].Label);
        Assert.Empty(labs[1].Interpretation);
        Assert.Equal(new Measurement(188m, "10*9/L"), labs[2].Value);
        Assert.DoesNotContain(set.Issues, i => i.Id == FactIssueIds.NotRelevant);
    }

    [Fact]
    public void Extract_ComparatorInValueQuantity_CensoredValueConverted()
    {
        // Arrange
        var observation = TestBundles.Lab("b12", B12Mass, """
            "valueQuantity": { "value": 100, "comparator": "<", "unit": "ng/L", "system": "http://unitsofmeasure.org", "code": "ng/L" }
            """);

        // Act
        var lab = ExtractSingleLab(observation);

        // Assert
        Assert.Equal("<", lab.Comparator);
        Assert.Equal(new Measurement(73.80073800738007380073800738m, "pmol/L"), lab.Value);
        Assert.Equal(new Measurement(100m, "ng/L"), lab.Reported);
    }

    [Theory]
    [InlineData("<50 pmol/L", "<", "50", "pmol/L")]
    [InlineData("> 1000 ng/L", ">", "738.00738007380073800738007380", "pmol/L")]
    [InlineData("<=148", "<=", "148", "pmol/L")]
    public void Extract_CensoredValueString_ReadAsComparatorAndQuantity(string text, string comparator, string expected, string unit)
    {
        // Arrange
        var unitless = !text.Contains('/', StringComparison.Ordinal);
        var observation = TestBundles.Lab("b12", B12Molar, $$""" "valueString": "{{text}}" """);

        // Act
        var set = Extract(TestBundles.WithPatient(observation));

        // Assert
        var lab = Assert.Single(set.OfType<LabResult>());
        Assert.Equal(comparator, lab.Comparator);
        Assert.Equal(text, lab.ValueText);
        if (unitless)
        {
            Assert.Equal("unit-missing", lab.ValueProblem);
            Assert.Equal("Bundle.entry[1].resource.valueString.unit", SingleIssue(set, FactIssueIds.UnitMissing).Expression);
        }
        else
        {
            Assert.Equal(new Measurement(decimal.Parse(expected, CultureInfo.InvariantCulture), unit), lab.Value);
            Assert.Null(lab.ValueProblem);
        }
    }

    [Fact]
    public void Extract_TextResultThatIsNotCensored_KeptAsValueText()
    {
        // Arrange
        var observation = TestBundles.Lab("ifa", "31444-3", """ "valueString": "Not detected" """);

        // Act
        var lab = ExtractSingleLab(observation);

        // Assert
        Assert.Equal("Not detected", lab.ValueText);
        Assert.True(lab.IsNegative);
        Assert.Null(lab.Value);
    }

    [Fact]
    public void Extract_InterpretationCodes_KeepsObservationInterpretationCodesOnly()
    {
        // Arrange
        var observation = TestBundles.Lab("b12", B12Molar, TestBundles.Quantity("80", "pmol/L") + """
            , "interpretation": [
                { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "code": "L" } ] },
                { "coding": [ { "system": "http://example.org/local-flags", "code": "LOW" } ] },
                { "coding": [ { "system": "http://hl7.org/fhir/v2/0078", "code": "A" } ] },
                { "coding": [ { "system": "http://hl7.org/fhir/ValueSet/observation-interpretation", "code": "LL" } ] }
              ]
            """);

        // Act
        var lab = ExtractSingleLab(observation);

        // Assert
        Assert.Equal(["L"], lab.Interpretation);
        Assert.False(lab.IsPositive);
        Assert.False(lab.IsNegative);
    }

    [Fact]
    public void Extract_ReferenceRangeInReportedUnit_ConvertedToCanonicalUnit()
    {
        // Arrange
        var observation = TestBundles.Lab("hb", "718-7", TestBundles.Quantity("11.6", "g/dL") + """
            , "referenceRange": [ {
                "low": { "value": 12.0, "unit": "g/dL", "system": "http://unitsofmeasure.org", "code": "g/dL" },
                "high": { "value": 15.0, "unit": "g/dL", "system": "http://unitsofmeasure.org", "code": "g/dL" } } ]
            """);

        // Act
        var lab = ExtractSingleLab(observation);

        // Assert
        Assert.Equal(new Measurement(120m, "g/L"), lab.ReferenceLow);
        Assert.Equal(new Measurement(150m, "g/L"), lab.ReferenceHigh);
    }

    [Fact]
    public void Extract_B12ReferenceRangeInNgPerL_ConvertedToPmolPerL()
    {
        // Arrange: NG239's 180 ng/L lower bound; only "low" given.
        var observation = TestBundles.Lab("b12", B12Mass, TestBundles.Quantity("150", "ng/L") + """
            , "referenceRange": [ { "low": { "value": 180, "unit": "ng/L", "system": "http://unitsofmeasure.org", "code": "ng/L" }, "text": "180-900 ng/L" } ]
            """);

        // Act
        var lab = ExtractSingleLab(observation);

        // Assert
        Assert.Equal(new Measurement(132.84132841328413284132841328m, "pmol/L"), lab.ReferenceLow);
        Assert.Null(lab.ReferenceHigh);
    }

    [Fact]
    public void Extract_B12WithNoUnit_UnitMissingWithFact001()
    {
        // Arrange
        var observation = TestBundles.Lab("b12", B12Mass, """ "valueQuantity": { "value": 190 } """);

        // Act
        var set = Extract(TestBundles.WithPatient(observation));

        // Assert
        var lab = Assert.Single(set.OfType<LabResult>());
        Assert.Equal("unit-missing", lab.ValueProblem);
        Assert.Null(lab.Value);
        Assert.Null(lab.Reported);
        Assert.Equal("190", lab.ValueText);
        var issue = SingleIssue(set, FactIssueIds.UnitMissing);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal("required", issue.Code);
        Assert.Equal("Bundle.entry[1].resource.valueQuantity.unit", issue.Expression);
    }

    [Fact]
    public void Extract_B12WithUnknownUnit_UnitUnknownWithFact002()
    {
        // Arrange
        var observation = TestBundles.Lab("b12", B12Mass, """ "valueQuantity": { "value": 190, "unit": "banana" } """);

        // Act
        var set = Extract(TestBundles.WithPatient(observation));

        // Assert
        var lab = Assert.Single(set.OfType<LabResult>());
        Assert.Equal("unit-unknown", lab.ValueProblem);
        Assert.Null(lab.Value);
        Assert.Equal("190 banana", lab.ValueText);
        var issue = SingleIssue(set, FactIssueIds.UnitNotConvertible);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal("Bundle.entry[1].resource.valueQuantity.unit", issue.Expression);
        Assert.Contains("banana", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_B12InUnconvertibleUnit_UnitNotConvertibleWithReportedKept()
    {
        // Arrange
        var observation = TestBundles.Lab("b12", B12Mass, TestBundles.Quantity("150", "fL"));

        // Act
        var set = Extract(TestBundles.WithPatient(observation));

        // Assert
        var lab = Assert.Single(set.OfType<LabResult>());
        Assert.Equal("unit-not-convertible", lab.ValueProblem);
        Assert.Null(lab.Value);
        Assert.Equal(new Measurement(150m, "fL"), lab.Reported);
        var issue = SingleIssue(set, FactIssueIds.UnitNotConvertible);
        Assert.Equal("Bundle.entry[1].resource.valueQuantity.unit", issue.Expression);
    }

    [Fact]
    public void Extract_DataAbsentReason_ValueMissingWithFact009()
    {
        // Arrange
        var observation = TestBundles.Lab("b12", B12Mass, """
            "dataAbsentReason": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/data-absent-reason", "code": "error", "display": "Error" } ], "text": "Sample haemolysed" }
            """);

        // Act
        var set = Extract(TestBundles.WithPatient(observation));

        // Assert
        var lab = Assert.Single(set.OfType<LabResult>());
        Assert.Equal("value-missing", lab.ValueProblem);
        Assert.Null(lab.Value);
        var issue = SingleIssue(set, FactIssueIds.ValueMissing);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal("Bundle.entry[1].resource", issue.Expression);
        Assert.Contains("Sample haemolysed", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_QuantityWithoutValue_ValueMissingWithFact009()
    {
        // Arrange
        var observation = TestBundles.Lab("b12", B12Mass, """ "valueQuantity": { "unit": "ng/L" } """);

        // Act
        var set = Extract(TestBundles.WithPatient(observation));

        // Assert
        Assert.Equal("value-missing", Assert.Single(set.OfType<LabResult>()).ValueProblem);
        Assert.Equal("Bundle.entry[1].resource.valueQuantity", SingleIssue(set, FactIssueIds.ValueMissing).Expression);
    }

    [Fact]
    public void Extract_ValueBeyondDecimalRange_ValueOutOfRangeWithFact011()
    {
        // Arrange
        var observation = TestBundles.Lab("b12", B12Mass, TestBundles.Quantity("1E+300", "ng/L"));

        // Act
        var set = Extract(TestBundles.WithPatient(observation));

        // Assert
        var lab = Assert.Single(set.OfType<LabResult>());
        Assert.Equal("value-out-of-range", lab.ValueProblem);
        Assert.Null(lab.Value);
        Assert.Equal("Bundle.entry[1].resource.valueQuantity.value", SingleIssue(set, FactIssueIds.ValueOutOfRange).Expression);
    }

    [Fact]
    public void Extract_LabWithoutEffectiveDate_SkippedWithFact003()
    {
        // Arrange
        var observation = """
            {
              "resourceType": "Observation", "id": "b12", "status": "final",
              "code": { "coding": [ { "system": "http://loinc.org", "code": "2132-9" } ] },
              "subject": { "reference": "Patient/p1" },
              "valueQuantity": { "value": 150, "unit": "ng/L", "system": "http://unitsofmeasure.org", "code": "ng/L" }
            }
            """;

        // Act
        var set = Extract(TestBundles.WithPatient(observation));

        // Assert
        Assert.Empty(set.OfType<LabResult>());
        var issue = SingleIssue(set, FactIssueIds.NoDate);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal("Bundle.entry[1].resource.effective", issue.Expression);
    }

    [Fact]
    public void Extract_LabWithIssuedOnly_EffectiveIsIssued()
    {
        // Arrange
        var observation = """
            {
              "resourceType": "Observation", "id": "b12", "status": "final",
              "code": { "coding": [ { "system": "http://loinc.org", "code": "2132-9" } ] },
              "subject": { "reference": "Patient/p1" },
              "issued": "2026-10-19T08:00:00Z",
              "valueQuantity": { "value": 150, "unit": "ng/L", "system": "http://unitsofmeasure.org", "code": "ng/L" }
            }
            """;

        // Act
        var lab = ExtractSingleLab(observation);

        // Assert
        Assert.Equal("2026-10-19T08:00:00Z", lab.Effective.Value);
    }

    [Fact]
    public void Extract_LabCodedByTextOnly_AnalyteMatchedByText()
    {
        // Arrange
        var observation = """
            {
              "resourceType": "Observation", "id": "b12", "status": "preliminary",
              "code": { "text": "Serum B12" },
              "subject": { "reference": "Patient/p1" },
              "effectiveDateTime": "2026-10-18",
              "valueQuantity": { "value": 300, "unit": "ng/L" }
            }
            """;

        // Act
        var lab = ExtractSingleLab(observation);

        // Assert
        Assert.Equal("b12-total", lab.Analyte);
        Assert.Equal(MatchKind.Text, Assert.Single(lab.Concepts).Kind);
        Assert.Null(lab.Code);
        Assert.Equal("preliminary", lab.Status);
        Assert.Equal("Serum B12", lab.Label);
    }

    [Fact]
    public void Extract_TshInMilliInternationalUnits_SameUnit()
    {
        // Arrange
        var observation = TestBundles.Lab("tsh", "3016-3", """ "valueQuantity": { "value": 2.5, "unit": "mIU/L" } """);

        // Act
        var lab = ExtractSingleLab(observation);

        // Assert
        Assert.Equal(new Measurement(2.5m, "m[IU]/L"), lab.Value);
    }

    [Fact]
    public void Extract_TshInMilliUnitsPerLitre_ConvertedToMilliInternationalUnits()
    {
        // Arrange
        var observation = TestBundles.Lab("tsh", "3016-3", """ "valueQuantity": { "value": 2.5, "unit": "mU/L" } """);

        // Act
        var lab = ExtractSingleLab(observation);

        // Assert
        Assert.Null(lab.ValueProblem);
        Assert.Equal(new Measurement(2.5m, "m[IU]/L"), lab.Value);
    }

    [Theory]
    [InlineData("28390-3", "\"valueRatio\": { \"numerator\": { \"value\": 1 }, \"denominator\": { \"value\": 80 } }")]
    [InlineData("2132-9", "\"valueInteger\": 150")]
    public void Extract_ValueIntegerOrRatio_NotReportedAsMissing(string loinc, string value)
    {
        // Arrange
        var observation = TestBundles.Lab("lab", loinc, value);

        // Act
        var set = Extract(TestBundles.WithPatient(observation));

        // Assert
        var lab = Assert.Single(set.OfType<LabResult>());
        Assert.NotEqual("value-missing", lab.ValueProblem);
        Assert.DoesNotContain(set.Issues, i => i.Id == FactIssueIds.ValueMissing);
    }
}
