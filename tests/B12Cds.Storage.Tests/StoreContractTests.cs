using B12Cds.Storage.Sql;

namespace B12Cds.Storage.Tests;

/// <summary>
/// The store's contract, run against every provider by a derived class: each test gets a fresh, initialized,
/// empty database of its own, removed after it.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    /// <summary>A time with microseconds, as both providers store them.</summary>
    protected static readonly DateTimeOffset Now = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1_234_560);

    protected const string PatientView = "b12-patient-view";
    protected const string OrderSelect = "b12-order-select";

    private readonly List<CdsStoreBase> _stores = [];

    /// <summary>Gets the store under test, initialized.</summary>
    protected CdsStoreBase Store { get; private set; } = null!;

    protected abstract string ExpectedProvider { get; }

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        Store = OpenStore();
        await Store.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        await DropDatabasesAsync();
    }

    /// <summary>Creates a new empty database (a schema, or a file location): the stores created next use it.</summary>
    protected abstract Task CreateDatabaseAsync();

    /// <summary>Removes every database this test created (after its stores are disposed).</summary>
    protected abstract Task DropDatabasesAsync();

    /// <summary>Creates a store instance on the newest database (not initialized).</summary>
    protected abstract CdsStoreBase CreateStore();

    /// <summary>Runs SQL on this test's database, outside the store.</summary>
    protected abstract Task ExecuteSqlAsync(string sql);

    /// <summary>Opens another instance on the same database, disposed after the test.</summary>
    protected CdsStoreBase OpenStore()
    {
        var store = CreateStore();
        _stores.Add(store);
        return store;
    }

    protected static ShownCard Card(string uuid, string key = "b12-low", string patient = "p1", string service = PatientView, DateTimeOffset? shownAt = null) =>
        new(uuid, key, patient, service, service == PatientView ? "patient-view" : "order-select", "hook-" + uuid, shownAt ?? Now);

    protected static FeedbackRecord Feedback(string cardUuid, string? patient = "p1", DateTimeOffset? receivedAt = null) => new()
    {
        ServiceId = PatientView,
        CardUuid = cardUuid,
        Outcome = "overridden",
        ReasonSystem = "https://b12cds.example/override-reason",
        ReasonCode = "snooze-3m",
        OutcomeTimestamp = Now.AddSeconds(-5),
        ReceivedAt = receivedAt ?? Now,
        PatientId = patient,
        CardKey = "b12-low",
    };

    protected static AuditRecord Audit(DateTimeOffset time, string? patient = "p1", Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(),
        Time = time,
        ServiceId = PatientView,
        Hook = "patient-view",
        HookInstance = Guid.NewGuid().ToString(),
        PatientId = patient,
        RuleSetVersion = "2026.03.1",
        RulesFired = ["b12-low", "metformin-monitoring"],
        CardUuids = [Guid.NewGuid().ToString()],
        Outcome = "cards",
        Duration = TimeSpan.FromTicks(123_450),
    };

    protected async Task<IReadOnlyList<AuditRecord>> AllAuditAsync() => await Store.QueryAuditAsync(new AuditQuery { Limit = CdsStoreBase.MaxQueryLimit });

    [StoreFact]
    public async Task AppendAuditAsync_RecordsTheCardsItShowed_AndTheSameCardTwiceIsKeptAsFirstShown()
    {
        var first = Audit(Now) with { ShownCards = [Card("c1"), Card("c2", key: "b12-folate")] };
        var again = Audit(Now.AddSeconds(1)) with { ShownCards = [Card("c1", shownAt: Now.AddSeconds(1))] };

        await Store.AppendAuditAsync([first]);
        await Store.AppendAuditAsync([again]);

        var found = await Store.FindShownCardsAsync(["c1", "c2"]);
        Assert.Equal(2, found.Count);
        Assert.Equal(Now, found["c1"].ShownAt);
        Assert.Equal("b12-folate", found["c2"].CardKey);
        Assert.Equal(2, (await AllAuditAsync()).Count);
    }

    [StoreFact]
    public async Task AppendAuditAsync_OneBatchShowingTheSameCardsManyTimes_KeepsTheLatestShowingOnce()
    {
        // A busy chart: the same patient's cards shown by two services over and over within one audit batch, more
        // rows than one INSERT statement takes (and one statement may not update the same row twice).
        var records = Enumerable.Range(0, 150)
            .Select(i => Audit(Now.AddSeconds(i)) with
            {
                ShownCards =
                [
                    Card($"a{i}", key: "b12-low", service: OrderSelect, shownAt: Now.AddSeconds(i)),
                    Card($"b{i}", key: "b12-folate", service: i % 2 == 0 ? OrderSelect : PatientView, shownAt: Now.AddSeconds(i)),
                ],
            })
            .ToList();

        await Store.AppendAuditAsync(records);

        Assert.Equal(150, (await AllAuditAsync()).Count);
        var found = await Store.FindShownCardsAsync([.. records.SelectMany(r => r.ShownCards).Select(c => c.CardUuid)]);
        Assert.Equal(300, found.Count);
        Assert.Equal(Now.AddSeconds(149), found["a149"].ShownAt);

        // The repeat window runs from the latest showing by another service: 148 s after Now for b12-folate
        // (order-select, even i), 149 s for b12-low.
        Assert.Equal(["b12-folate", "b12-low"], (await Store.SuppressedCardKeysAsync("p1", PatientView, Now.AddSeconds(148) + Window - TimeSpan.FromSeconds(1), Window)).Order(StringComparer.Ordinal));
        Assert.Equal(["b12-low"], await Store.SuppressedCardKeysAsync("p1", PatientView, Now.AddSeconds(148) + Window, Window));
        Assert.Empty(await Store.SuppressedCardKeysAsync("p1", PatientView, Now.AddSeconds(149) + Window, Window));
    }

    [StoreFact]
    public async Task RecordShownCardsAsync_TheSameUuidTwiceInOneCall_FailsWhole()
    {
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => Store.RecordShownCardsAsync([Card("c1"), Card("c2"), Card("c1")]));

        Assert.Empty(await Store.FindShownCardsAsync(["c1", "c2"]));
    }

    [StoreFact]
    public void Provider_IsTheProvidersName()
    {
        Assert.Equal(ExpectedProvider, Store.Provider);
    }

    [StoreFact]
    public async Task InitializeAsync_Twice_IsIdempotent()
    {
        await Store.InitializeAsync();
        await OpenStore().InitializeAsync();

        Assert.Equal(Schema.CurrentVersion, await Store.GetSchemaVersionAsync());
        await Store.RecordShownCardsAsync([Card("c1")]);
        Assert.Single(await Store.FindShownCardsAsync(["c1"]));
    }

    [StoreFact]
    public async Task InitializeAsync_InstancesStartingAtOnce_MigrateOnce()
    {
        // Arrange: a new database no instance has migrated yet.
        await CreateDatabaseAsync();
        var stores = Enumerable.Range(0, 4).Select(_ => OpenStore()).ToList();

        // Act
        await Task.WhenAll(stores.Select(store => Task.Run(() => store.InitializeAsync())));

        // Assert
        foreach (var store in stores)
        {
            Assert.Equal(Schema.CurrentVersion, await store.GetSchemaVersionAsync());
        }

        await stores[0].RecordShownCardsAsync([Card("c1")]);
        Assert.Single(await stores[3].FindShownCardsAsync(["c1"]));
    }

    [StoreFact]
    public async Task InitializeAsync_FromVersion1_RebuildsLastShownFromTheCardsShown()
    {
        await Store.RecordShownCardsAsync([Card("c1", key: "b12-low", service: "b12-order-sign", shownAt: Now.AddHours(-1))]);
        await ExecuteSqlAsync("DROP TABLE cds_card_last_shown; DELETE FROM cds_schema_version WHERE version = 2");

        await OpenStore().InitializeAsync();

        Assert.Equal(["b12-low"], await Store.SuppressedCardKeysAsync("p1", PatientView, Now, TimeSpan.FromHours(12)));
    }

    [StoreFact]
    public async Task SuppressedCardKeysAsync_ManyShowingsOfOneCard_AreOneLastShownTime()
    {
        var cards = Enumerable.Range(0, 50).Select(i => Card($"c{i}", service: "b12-order-sign", shownAt: Now.AddMinutes(-i * 30))).ToList();
        await Store.RecordShownCardsAsync(cards);

        Assert.Equal(["b12-low"], await Store.SuppressedCardKeysAsync("p1", PatientView, Now.AddHours(11), TimeSpan.FromHours(12)));
        Assert.Empty(await Store.SuppressedCardKeysAsync("p1", PatientView, Now.AddHours(13), TimeSpan.FromHours(12)));
    }

    [StoreFact]
    public async Task InitializeAsync_SchemaNewerThanThisBuild_Throws()
    {
        await ExecuteSqlAsync("INSERT INTO cds_schema_version (version, applied_at) SELECT 99, applied_at FROM cds_schema_version WHERE version = 1");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => OpenStore().InitializeAsync());

        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }
}
