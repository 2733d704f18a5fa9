using B12Cds.Cards.CarePlans;
using B12Cds.Fhir.Model;

namespace B12Cds.Cards.Tests.CarePlans;

/// <summary>Timing in words for the text output.</summary>
public sealed class TimingTextTests
{
    [Theory]
    [InlineData(3, 1, "wk", null, null, "3 times a week for 2 weeks")]
    [InlineData(1, 1, "d", null, 7, "once a day, 7 doses")]
    [InlineData(1, 2, "d", null, null, "every 2 days")]
    [InlineData(1, 3, "mo", null, null, "every 3 months")]
    [InlineData(2, 1, "wk", 3, null, "twice a week for 3 weeks")]
    [InlineData(2, 3, "wk", null, null, "twice every 3 weeks")]
    [InlineData(1, 1, "h", null, 1, "once an hour, 1 dose")]
    public void Describe_Repeat_InWords(int frequency, int period, string unit, int? weeks, int? count, string expected)
    {
        // Arrange
        var repeat = new TimingRepeat
        {
            Frequency = frequency,
            Period = period,
            PeriodUnit = unit,
            BoundsDuration = unit == "wk" && frequency == 3 ? Quantity.Ucum(2m, "wk") : weeks is { } w ? Quantity.Ucum(w, "wk") : null,
            Count = count,
        };

        // Act
        var text = TimingText.Describe(repeat);

        // Assert
        Assert.Equal(expected, text);
    }

    [Fact]
    public void Describe_Dosage_DoseRouteTimingAndInstruction()
    {
        // Arrange
        var dosage = new Dosage
        {
            Timing = new Timing { Repeat = new TimingRepeat { Frequency = 1, Period = 3, PeriodUnit = "mo" } },
            Route = new CodeableConcept { Text = "Intramuscular" },
            DoseAndRate = [new DosageDoseAndRate { DoseQuantity = Quantity.Ucum(1m, "mg") }],
            AdditionalInstruction = [new CodeableConcept { Text = "Continue lifelong" }],
        };

        // Act
        var text = TimingText.Describe(dosage);

        // Assert
        Assert.Equal("1 mg intramuscular, every 3 months, continue lifelong", text);
    }
}
