using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Tests.Model;

public sealed class ObservationTests
{
    private static readonly FhirDateTime DateTime = FhirDateTime.Parse("2024-03-15T10:30:00Z");
    private static readonly FhirDateTime Instant = FhirDateTime.Parse("2024-03-15T10:31:00Z");
    private static readonly FhirDateTime PeriodStart = FhirDateTime.Parse("2024-03-14");
    private static readonly FhirDateTime PeriodEnd = FhirDateTime.Parse("2024-03-16");
    private static readonly FhirDateTime Issued = FhirDateTime.Parse("2024-03-17T08:00:00+01:00");

    [Fact]
    public void EffectiveTime_AllPresent_PrefersEffectiveDateTime()
    {
        // Arrange
        var observation = new Observation
        {
            EffectiveDateTime = DateTime,
            EffectiveInstant = Instant,
            EffectivePeriod = new Period { Start = PeriodStart, End = PeriodEnd },
            Issued = Issued,
        };

        // Act and Assert
        Assert.Equal(DateTime, observation.EffectiveTime());
    }

    [Fact]
    public void EffectiveTime_FallsBackInOrder_InstantPeriodStartPeriodEndIssued()
    {
        // Act and Assert
        Assert.Equal(Instant, new Observation { EffectiveInstant = Instant, Issued = Issued }.EffectiveTime());
        Assert.Equal(PeriodStart, new Observation { EffectivePeriod = new Period { Start = PeriodStart, End = PeriodEnd }, Issued = Issued }.EffectiveTime());
        Assert.Equal(PeriodEnd, new Observation { EffectivePeriod = new Period { End = PeriodEnd }, Issued = Issued }.EffectiveTime());
        Assert.Equal(Issued, new Observation { Issued = Issued }.EffectiveTime());
        Assert.Null(new Observation().EffectiveTime());
    }
}
