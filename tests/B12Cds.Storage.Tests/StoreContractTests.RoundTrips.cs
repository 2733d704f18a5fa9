namespace B12Cds.Storage.Tests;

public abstract partial class StoreContractTests
{
    [StoreFact]
    public async Task ShownCards_RecordThenFind_RoundTripsEveryField()
    {
        // Arrange: a time given with an offset comes back as the same instant in UTC.
        var card = new ShownCard("c1", "b12-low", "p1", PatientView, "patient-view", "hook-1", new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.FromHours(2)).AddTicks(9_999_990));

        // Act
        await Store.RecordShownCardsAsync([card, Card("c2")]);
        var found = await Store.FindShownCardsAsync(["c1", "c2"]);

        // Assert
        Assert.Equal(card with { ShownAt = card.ShownAt.ToUniversalTime() }, found["c1"]);
        Assert.Equal(TimeSpan.Zero, found["c1"].ShownAt.Offset);
        Assert.Equal(Card("c2"), found["c2"]);
    }

    [StoreFact]
    public async Task FindShownCards_UnknownAndRepeatedUuids_ReturnsTheKnownOnce()
    {
        await Store.RecordShownCardsAsync([Card("c1"), Card("c2")]);

        var found = await Store.FindShownCardsAsync(["c1", "c1", "nope"]);

        Assert.Equal(["c1"], found.Keys);
        Assert.Empty(await Store.FindShownCardsAsync([]));
    }

    [StoreFact]
    public async Task Feedback_RecordThenQuery_RoundTripsEveryField()
    {
        // Arrange
        var full = Feedback("c1") with { Outcome = "accepted", AcceptedSuggestions = ["s1", "s2"], UserComment = "Patient already on B12 injections" };
        var bare = new FeedbackRecord
        {
            ServiceId = OrderSelect,
            CardUuid = "c2",
            Outcome = "overridden",
            OutcomeTimestamp = Now,
            ReceivedAt = Now.AddMinutes(-1),
        };

        // Act
        await Store.RecordFeedbackAsync([full, bare], []);
        var stored = await Store.QueryFeedbackAsync(null, 10);

        // Assert: newest received first; lists compare by content.
        Assert.Equal(2, stored.Count);
        Assert.Equal(full with { AcceptedSuggestions = [] }, stored[0] with { AcceptedSuggestions = [] });
        Assert.Equal(["s1", "s2"], stored[0].AcceptedSuggestions);
        Assert.Equal(bare with { AcceptedSuggestions = [] }, stored[1] with { AcceptedSuggestions = [] });
        Assert.Empty(stored[1].AcceptedSuggestions);
    }

    [StoreFact]
    public async Task QueryFeedback_ByPatient_NewestReceivedFirstAndLimited()
    {
        await Store.RecordFeedbackAsync(
            [Feedback("c1", receivedAt: Now.AddMinutes(-2)), Feedback("c2", receivedAt: Now), Feedback("c3", receivedAt: Now.AddMinutes(-1)), Feedback("c4", patient: "p2")],
            []);

        var two = await Store.QueryFeedbackAsync("p1", 2);

        Assert.Equal(["c2", "c3"], two.Select(f => f.CardUuid));
        Assert.Equal(3, (await Store.QueryFeedbackAsync("p1", 100)).Count);
        Assert.Equal(4, (await Store.QueryFeedbackAsync(null, 100)).Count);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.QueryFeedbackAsync(null, 0));
    }

    [StoreFact]
    public async Task Audit_AppendThenQuery_RoundTripsEveryField()
    {
        // Arrange
        var full = Audit(Now) with { Detail = "rule b12-low: no creatinine", Outcome = "partial" };
        var bare = new AuditRecord { Id = Guid.NewGuid(), Time = Now.AddSeconds(-1), ServiceId = "PlanDefinition/$apply", Outcome = "error", Duration = TimeSpan.Zero };

        // Act
        await Store.AppendAuditAsync([full, bare]);
        var stored = await AllAuditAsync();

        // Assert
        Assert.Equal(2, stored.Count);
        AssertAuditEqual(full, stored[0]);
        AssertAuditEqual(bare, stored[1]);
    }

    [StoreFact]
    public async Task Times_FinerThanAMicrosecond_AreTruncatedAlike()
    {
        // 2026-03-01T10:00:00.1234567Z and a duration of 1.2345678 ms: the 7th digit is below both providers' precision.
        var time = Now.AddTicks(7);
        await Store.AppendAuditAsync([Audit(time) with { Duration = TimeSpan.FromTicks(12_345_678) }]);
        await Store.RecordShownCardsAsync([Card("c1", shownAt: time)]);

        var audit = Assert.Single(await AllAuditAsync());
        var card = (await Store.FindShownCardsAsync(["c1"]))["c1"];

        Assert.Equal(Now, audit.Time);
        Assert.Equal(TimeSpan.FromTicks(12_345_670), audit.Duration);
        Assert.Equal(Now, card.ShownAt);
    }

    [StoreFact]
    public async Task Text_Unicode_RoundTrips()
    {
        // Arrange: non-Latin scripts, emoji, and the characters JSON and array literals escape.
        const string Odd = "Ünïcødé 维生素B12 \U0001F489 \"quoted\", {braces} [1,2] back\\slash 'single' NULL";
        var card = Card("c-\U0001F489", key: Odd, patient: "pat-ß");
        var audit = Audit(Now, patient: "pat-ß") with { RulesFired = [Odd, "", "NULL", "a,b"], Detail = Odd };
        var feedback = Feedback(card.CardUuid, patient: "pat-ß") with { UserComment = Odd, AcceptedSuggestions = [Odd] };

        // Act
        await Store.RecordShownCardsAsync([card]);
        await Store.AppendAuditAsync([audit]);
        await Store.RecordFeedbackAsync([feedback], [new Suppression("pat-ß", Odd, Now.AddDays(1), "snooze-1d", card.CardUuid)]);

        // Assert
        Assert.Equal(card, (await Store.FindShownCardsAsync([card.CardUuid]))[card.CardUuid]);
        AssertAuditEqual(audit, Assert.Single(await Store.QueryAuditAsync(new AuditQuery { PatientId = "pat-ß" })));
        var storedFeedback = Assert.Single(await Store.QueryFeedbackAsync("pat-ß", 10));
        Assert.Equal(Odd, storedFeedback.UserComment);
        Assert.Equal([Odd], storedFeedback.AcceptedSuggestions);
        Assert.Contains(Odd, await Store.SuppressedCardKeysAsync("pat-ß", PatientView, Now, TimeSpan.Zero));
    }

    [StoreFact]
    public async Task LargeBatchesAndLists_RoundTrip()
    {
        // Arrange
        var cards = Enumerable.Range(0, 1500).Select(i => Card($"c{i:D4}", key: $"k{i % 7}")).ToList();
        var audit = Audit(Now) with { RulesFired = [.. Enumerable.Range(0, 2000).Select(i => $"rule-{i}")], CardUuids = [.. cards.Select(c => c.CardUuid)] };

        // Act
        await Store.RecordShownCardsAsync(cards);
        await Store.AppendAuditAsync([audit]);
        var found = await Store.FindShownCardsAsync([.. cards.Select(c => c.CardUuid), "missing"]);

        // Assert
        Assert.Equal(1500, found.Count);
        Assert.Equal(cards[1234], found["c1234"]);
        AssertAuditEqual(audit, Assert.Single(await AllAuditAsync()));
    }

    protected static void AssertAuditEqual(AuditRecord expected, AuditRecord actual)
    {
        Assert.Equal(expected with { RulesFired = [], CardUuids = [] }, actual with { RulesFired = [], CardUuids = [] });
        Assert.Equal(expected.RulesFired, actual.RulesFired);
        Assert.Equal(expected.CardUuids, actual.CardUuids);
    }
}
