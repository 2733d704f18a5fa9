namespace B12Cds.Storage.Tests;

public sealed class PatientCardHistoryTests
{
    private const string PatientView = "b12-patient-view";
    private const string OrderSign = "b12-order-sign";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromHours(12);

    [Fact]
    public void SuppressedFor_SnoozeEndsAtItsEnd_AndTheWindowIsOpenAtItsStart()
    {
        var history = new PatientCardHistory(
            "p1",
            [new Suppression("p1", "snoozed", Now.AddDays(7), "snooze-1w", null)],
            [Shown("repeat", OrderSign, Now.AddHours(-1))]);

        Assert.Equal(["repeat", "snoozed"], history.SuppressedFor(PatientView, Now, Window).Order(StringComparer.Ordinal));
        Assert.Equal(["snoozed"], history.SuppressedFor(PatientView, Now.AddDays(7).AddTicks(-10), Window));
        Assert.Empty(history.SuppressedFor(PatientView, Now.AddDays(7), Window));
        Assert.Equal(["snoozed"], history.SuppressedFor(PatientView, Now.AddHours(-1) + Window, Window));
        Assert.Equal(["snoozed"], history.SuppressedFor(OrderSign, Now, Window));
    }

    [Fact]
    public void WithShownAndWithSnoozes_KeepTheLatest_IgnoreOtherPatients_AndLeaveTheOriginalAlone()
    {
        var original = new PatientCardHistory("p1", [], [Shown("b12-low", OrderSign, Now)]);

        var later = original
            .WithShown([Shown("b12-low", OrderSign, Now.AddHours(-5)), Shown("b12-low", OrderSign, Now.AddMinutes(1)), Shown("b12-low", OrderSign, Now.AddHours(1), patient: "p2")])
            .WithSnoozes([new Suppression("p1", "folate", Now.AddDays(1), "snooze-1w", null), new Suppression("p2", "other", Now.AddDays(9), "snooze-1w", null)]);

        Assert.Equal(Now.AddMinutes(1), later.LastShown[("b12-low", OrderSign)]);
        Assert.Equal(["folate"], later.SnoozedUntil.Keys);
        Assert.Equal(Now, original.LastShown[("b12-low", OrderSign)]);
        Assert.Empty(original.SnoozedUntil);
    }

    [Fact]
    public void Merge_TakesTheLaterTimeOfEach_AndRefusesAnotherPatient()
    {
        var stored = new PatientCardHistory("p1", [new Suppression("p1", "a", Now.AddDays(30), "snooze-1m", null)], [Shown("b", PatientView, Now.AddHours(-2))]);
        var inMemory = new PatientCardHistory("p1", [new Suppression("p1", "a", Now.AddDays(7), "snooze-1w", null)], [Shown("b", PatientView, Now), Shown("c", OrderSign, Now)]);

        var merged = inMemory.Merge(stored);

        Assert.Equal(Now.AddDays(30), merged.SnoozedUntil["a"]);
        Assert.Equal(Now, merged.LastShown[("b", PatientView)]);
        Assert.Equal(Now, merged.LastShown[("c", OrderSign)]);
        Assert.Throws<ArgumentException>(() => merged.Merge(new PatientCardHistory("p2", [], [])));
    }

    private static ShownCard Shown(string key, string service, DateTimeOffset at, string patient = "p1") =>
        new(Guid.NewGuid().ToString(), key, patient, service, "patient-view", Guid.NewGuid().ToString(), at);
}
