namespace B12Cds.Storage.Tests;

public abstract partial class StoreContractTests
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    [StoreFact]
    public async Task SuppressedCardKeys_SnoozeActive_Suppressed()
    {
        await Store.RecordFeedbackAsync([Feedback("c1")], [new Suppression("p1", "b12-low", Now.AddDays(90), "snooze-3m", "c1")]);

        var keys = await Store.SuppressedCardKeysAsync("p1", PatientView, Now.AddDays(89), Window);

        Assert.Equal(["b12-low"], keys);
    }

    [StoreFact]
    public async Task SuppressedCardKeys_SnoozeExpired_NotSuppressed()
    {
        await Store.RecordFeedbackAsync([], [new Suppression("p1", "b12-low", Now, "snooze-1d", null)]);

        // The snooze ends at Until (exclusive).
        Assert.Empty(await Store.SuppressedCardKeysAsync("p1", PatientView, Now, Window));
        Assert.Empty(await Store.SuppressedCardKeysAsync("p1", PatientView, Now.AddDays(1), Window));
        Assert.Equal(["b12-low"], await Store.SuppressedCardKeysAsync("p1", PatientView, Now.AddTicks(-10), Window));
    }

    [StoreFact]
    public async Task SuppressedCardKeys_SnoozeOfAnotherPatient_NotSuppressed()
    {
        await Store.RecordFeedbackAsync([], [new Suppression("p2", "b12-low", Now.AddDays(90), "snooze-3m", null)]);

        Assert.Empty(await Store.SuppressedCardKeysAsync("p1", PatientView, Now, Window));
    }

    [StoreFact]
    public async Task SuppressedCardKeys_ShownByAnotherServiceWithinWindow_Suppressed()
    {
        await Store.RecordShownCardsAsync([Card("c1", key: "b12-low", service: OrderSelect, shownAt: Now.AddHours(-23))]);

        Assert.Equal(["b12-low"], await Store.SuppressedCardKeysAsync("p1", PatientView, Now, Window));
    }

    [StoreFact]
    public async Task SuppressedCardKeys_ShownBySameService_NotSuppressed()
    {
        // The same service may show its card again (the EHR re-invokes the hook as the chart changes).
        await Store.RecordShownCardsAsync([Card("c1", service: PatientView, shownAt: Now.AddMinutes(-5))]);

        Assert.Empty(await Store.SuppressedCardKeysAsync("p1", PatientView, Now, Window));
    }

    [StoreFact]
    public async Task SuppressedCardKeys_ShownBeforeTheWindow_NotSuppressed()
    {
        await Store.RecordShownCardsAsync([Card("c1", service: OrderSelect, shownAt: Now - Window), Card("c2", key: "old", service: OrderSelect, shownAt: Now.AddDays(-3))]);

        Assert.Empty(await Store.SuppressedCardKeysAsync("p1", PatientView, Now, Window));
    }

    [StoreFact]
    public async Task SuppressedCardKeys_ShownToAnotherPatient_NotSuppressed()
    {
        await Store.RecordShownCardsAsync([Card("c1", patient: "p2", service: OrderSelect, shownAt: Now.AddMinutes(-5))]);

        Assert.Empty(await Store.SuppressedCardKeysAsync("p1", PatientView, Now, Window));
        Assert.Equal(["b12-low"], await Store.SuppressedCardKeysAsync("p2", PatientView, Now, Window));
    }

    [StoreFact]
    public async Task SuppressedCardKeys_SnoozesAndRepeats_AreCombinedOnce()
    {
        await Store.RecordShownCardsAsync([Card("c1", key: "b12-low", service: OrderSelect, shownAt: Now.AddHours(-1)), Card("c2", key: "metformin", service: OrderSelect, shownAt: Now.AddHours(-1))]);
        await Store.RecordFeedbackAsync(
            [Feedback("c1")],
            [new Suppression("p1", "b12-low", Now.AddDays(30), "snooze-1m", "c1"), new Suppression("p1", "b12-low", Now.AddDays(7), "snooze-1w", "c1"), new Suppression("p1", "folate", Now.AddDays(1), "snooze-1d", null)]);

        var keys = await Store.SuppressedCardKeysAsync("p1", PatientView, Now, Window);

        Assert.Equal(["b12-low", "folate", "metformin"], keys.Order(StringComparer.Ordinal));
    }

    [StoreFact]
    public async Task GetCardHistory_ReadsRunningSnoozesAndShowingsWithinTheWindow_LatestOfEach()
    {
        await Store.RecordShownCardsAsync(
        [
            Card("c1", key: "b12-low", service: OrderSelect, shownAt: Now.AddHours(-3)),
            Card("c2", key: "b12-low", service: OrderSelect, shownAt: Now.AddHours(-1)),
            Card("c3", key: "b12-low", service: PatientView, shownAt: Now.AddHours(-2)),
            Card("c4", key: "old", service: OrderSelect, shownAt: Now - Window),
            Card("c5", key: "b12-low", patient: "p2", service: OrderSelect, shownAt: Now),
        ]);
        await Store.RecordFeedbackAsync(
            [],
            [
                new Suppression("p1", "folate", Now.AddDays(7), "snooze-1w", null),
                new Suppression("p1", "folate", Now.AddDays(30), "snooze-1m", null),
                new Suppression("p1", "ended", Now, "snooze-1w", null),
            ]);

        var history = await Store.GetCardHistoryAsync("p1", Now, Window);

        Assert.Equal("p1", history.PatientId);
        Assert.Equal(new Dictionary<string, DateTimeOffset> { ["folate"] = Now.AddDays(30) }, history.SnoozedUntil);
        Assert.Equal(
            new Dictionary<(string, string), DateTimeOffset> { [("b12-low", OrderSelect)] = Now.AddHours(-1), [("b12-low", PatientView)] = Now.AddHours(-2) },
            history.LastShown);
        Assert.Equal(["b12-low", "folate"], history.SuppressedFor(PatientView, Now, Window).Order(StringComparer.Ordinal));
    }

    [StoreFact]
    public async Task GetCardHistory_UnknownPatient_IsEmpty()
    {
        var history = await Store.GetCardHistoryAsync("nobody", Now, Window);

        Assert.Empty(history.SnoozedUntil);
        Assert.Empty(history.LastShown);
    }
}
