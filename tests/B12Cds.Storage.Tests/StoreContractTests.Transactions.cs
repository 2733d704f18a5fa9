namespace B12Cds.Storage.Tests;

public abstract partial class StoreContractTests
{
    [StoreFact]
    public async Task RecordShownCards_DuplicateUuidInTheMiddle_WritesNothing()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => Store.RecordShownCardsAsync([Card("c1"), Card("c2"), Card("c1"), Card("c3")]));

        Assert.Empty(await Store.FindShownCardsAsync(["c1", "c2", "c3"]));
    }

    [StoreFact]
    public async Task RecordShownCards_UuidAlreadyStored_WritesNothingOfTheBatch()
    {
        await Store.RecordShownCardsAsync([Card("c1")]);

        await Assert.ThrowsAnyAsync<Exception>(() => Store.RecordShownCardsAsync([Card("c2"), Card("c1", key: "other")]));

        var found = await Store.FindShownCardsAsync(["c1", "c2"]);
        Assert.Equal(["c1"], found.Keys);
        Assert.Equal("b12-low", found["c1"].CardKey);
    }

    [StoreFact]
    public async Task RecordFeedback_ASuppressionFails_WritesNoFeedback()
    {
        // Arrange: the last suppression lacks its card key (a NOT NULL column).
        Suppression[] suppressions = [new("p1", "b12-low", Now.AddDays(90), "snooze-3m", "c1"), new("p1", null!, Now.AddDays(1), "snooze-1d", "c2")];

        // Act
        await Assert.ThrowsAnyAsync<Exception>(() => Store.RecordFeedbackAsync([Feedback("c1"), Feedback("c2")], suppressions));

        // Assert
        Assert.Empty(await Store.QueryFeedbackAsync(null, 10));
        Assert.Empty(await Store.SuppressedCardKeysAsync("p1", PatientView, Now, TimeSpan.Zero));
    }

    [StoreFact]
    public async Task AppendAudit_AnInvalidRecordInTheMiddle_WritesNothing()
    {
        AuditRecord[] batch = [Audit(Now), Audit(Now) with { ServiceId = null! }, Audit(Now)];

        await Assert.ThrowsAnyAsync<Exception>(() => Store.AppendAuditAsync(batch));

        Assert.Empty(await AllAuditAsync());
    }

    [StoreFact]
    public async Task AppendAudit_SameIdAgain_IsStoredOnce()
    {
        // A retried batch (its commit's acknowledgement lost) must not fail nor duplicate.
        var record = Audit(Now);
        await Store.AppendAuditAsync([record]);

        await Store.AppendAuditAsync([record, Audit(Now.AddSeconds(1))]);

        Assert.Equal(2, (await AllAuditAsync()).Count);
    }

    [StoreFact]
    public async Task Writes_CancelledToken_ThrowAndWriteNothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.RecordShownCardsAsync([Card("c1")], cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.RecordFeedbackAsync([Feedback("c1")], [], cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.AppendAuditAsync([Audit(Now)], cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => OpenStore().InitializeAsync(cancelled.Token));

        Assert.Empty(await Store.FindShownCardsAsync(["c1"]));
        Assert.Empty(await Store.QueryFeedbackAsync(null, 10));
        Assert.Empty(await AllAuditAsync());
    }

    [StoreFact]
    public async Task Reads_CancelledToken_Throw()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.FindShownCardsAsync(["c1"], cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.SuppressedCardKeysAsync("p1", PatientView, Now, TimeSpan.FromHours(1), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.QueryAuditAsync(new AuditQuery(), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.QueryFeedbackAsync(null, 10, cancelled.Token));
    }
}
