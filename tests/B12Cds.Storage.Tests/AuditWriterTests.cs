using Microsoft.Data.Sqlite;
using Npgsql;

namespace B12Cds.Storage.Tests;

public sealed class AuditWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly FakeAuditStore _store = new();
    private readonly ListLogger<AuditWriter> _logger = new();

    [Fact]
    public void TryEnqueue_QueueFull_ReturnsFalseAndCountsAndLogsTheIds()
    {
        // Arrange: the writer is not running, so nothing leaves the queue.
        using var writer = Writer(new AuditWriterOptions { Capacity = 5 });
        var records = Records(8);

        // Act
        var accepted = records.Select(writer.TryEnqueue).ToList();

        // Assert
        Assert.Equal([true, true, true, true, true, false, false, false], accepted);
        Assert.Equal(3, writer.Dropped);
        Assert.Equal(5, writer.Pending);
        var drops = _logger.Entries.Where(e => e.EventId == 4001).Select(e => e.Message).ToList();
        Assert.Equal(3, drops.Count);
        Assert.All(records.Skip(5).Zip(drops), pair => Assert.Contains(pair.First.Id.ToString(), pair.Second, StringComparison.Ordinal));
        Assert.All(drops, message => Assert.DoesNotContain("subject-17", message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TryEnqueue_StoreHangs_NeverWaitsForIt()
    {
        // Arrange: the store never answers.
        var hang = new TaskCompletionSource();
        _store.Gate = hang.Task;
        using var writer = Writer(new AuditWriterOptions { Capacity = 10 });
        await writer.StartAsync(CancellationToken.None);
        writer.TryEnqueue(Records(1)[0]);
        await WaitUntilAsync(() => _store.Calls == 1);

        // Act: the queue fills up while the store hangs; every call returns at once.
        var accepted = Records(25).Count(writer.TryEnqueue);

        // Assert
        Assert.Equal(10, accepted);
        Assert.Equal(15, writer.Dropped);
        hang.SetResult();
        await writer.FlushAsync(new CancellationTokenSource(Patience).Token);
        Assert.Equal(11, writer.Written);
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Writer_QueuedEntries_WrittenInBatchesInOrder()
    {
        using var writer = Writer(new AuditWriterOptions { BatchSize = 10 });
        var records = Records(25);
        Assert.All(records, record => Assert.True(writer.TryEnqueue(record)));

        await writer.StartAsync(CancellationToken.None);
        await writer.FlushAsync(new CancellationTokenSource(Patience).Token);

        Assert.Equal([10, 10, 5], _store.Batches.Select(batch => batch.Length));
        Assert.Equal(records, _store.Written);
        Assert.Equal(25, writer.Written);
        Assert.Equal(0, writer.Dropped);
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Writer_EntriesArrivingWithinTheBatchWindow_ShareOneTransaction()
    {
        // The window is wide (2 s) so a loaded test machine cannot stretch the 50 ms below past it.
        using var writer = Writer(new AuditWriterOptions { BatchWindow = TimeSpan.FromSeconds(2) });
        await writer.StartAsync(CancellationToken.None);
        var records = Records(6);

        // One entry wakes the writer; the rest arrive while it gathers.
        writer.TryEnqueue(records[0]);
        await Task.Delay(50);
        Assert.All(records.Skip(1), record => Assert.True(writer.TryEnqueue(record)));
        await writer.FlushAsync(new CancellationTokenSource(Patience).Token);

        Assert.Equal([6], _store.Batches.Select(batch => batch.Length));
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Writer_CallsTheStoreOnItsOwnThread_NeverOnARequestThread()
    {
        // SQLite's writes (and the commit's disk sync) block the calling thread; that must not be a thread-pool thread.
        using var writer = Writer(new AuditWriterOptions { BatchWindow = TimeSpan.Zero, BatchSize = 1 });
        await writer.StartAsync(CancellationToken.None);
        Assert.All(Records(5), record => Assert.True(writer.TryEnqueue(record)));

        await writer.FlushAsync(new CancellationTokenSource(Patience).Token);

        Assert.Equal(5, _store.Calls);
        Assert.False(_store.CalledOnThreadPool);
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task StopAsync_DuringTheBatchWindow_WritesWithoutWaitingItOut()
    {
        using var writer = Writer(new AuditWriterOptions { BatchWindow = TimeSpan.FromMinutes(5) });
        await writer.StartAsync(CancellationToken.None);
        writer.TryEnqueue(Records(1)[0]);

        await writer.StopAsync(new CancellationTokenSource(Patience).Token);

        Assert.Equal(1, writer.Written);
    }

    [Fact]
    public async Task StopAsync_EntriesQueued_WritesThemBeforeStopping()
    {
        // Arrange: a slow store, and entries still queued when the host stops.
        var slow = new TaskCompletionSource();
        _store.Gate = slow.Task;
        using var writer = Writer(new AuditWriterOptions { BatchSize = 4 });
        await writer.StartAsync(CancellationToken.None);
        var records = Records(30);
        Assert.All(records, record => Assert.True(writer.TryEnqueue(record)));

        // Act
        var stopping = writer.StopAsync(new CancellationTokenSource(Patience).Token);
        Assert.False(writer.TryEnqueue(Records(1)[0]));
        slow.SetResult();
        await stopping;

        // Assert
        Assert.Equal(records, _store.Written);
        Assert.Equal(30, writer.Written);
        Assert.Equal(1, writer.Dropped);
    }

    [Fact]
    public async Task Writer_StoreFailsTransientlyThenRecovers_LosesNothing()
    {
        // Arrange: the first three calls time out, as when the database restarts.
        _store.Failure = (_, call) => call <= 3 ? new TimeoutException("database restarting") : null;
        using var writer = Writer(new AuditWriterOptions { BatchSize = 50, InitialRetryDelay = TimeSpan.FromMilliseconds(1) });
        var records = Records(20);
        Assert.All(records, record => Assert.True(writer.TryEnqueue(record)));

        // Act
        await writer.StartAsync(CancellationToken.None);
        await writer.FlushAsync(new CancellationTokenSource(Patience).Token);

        // Assert
        Assert.Equal(records, _store.Written);
        Assert.Equal(20, writer.Written);
        Assert.Equal(0, writer.Dropped);
        Assert.Equal(3, _logger.Entries.Count(e => e.EventId == 4002));
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Writer_StoreCancelsOnItsOwn_RetriesAsTransient()
    {
        // A cancellation the writer did not ask for (a driver's own timeout) is not a reason to stop or to drop.
        _store.Failure = (_, call) => call == 1 ? new TaskCanceledException("driver timeout") : null;
        using var writer = Writer(new AuditWriterOptions { InitialRetryDelay = TimeSpan.FromMilliseconds(1) });
        var records = Records(3);
        Assert.All(records, record => Assert.True(writer.TryEnqueue(record)));

        await writer.StartAsync(CancellationToken.None);
        await writer.FlushAsync(new CancellationTokenSource(Patience).Token);

        Assert.Equal(records, _store.Written);
        Assert.Equal(0, writer.Dropped);
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Writer_StoreRefusesOneEntry_WritesTheOthersAndDropsOnlyIt()
    {
        var records = Records(6);
        var poison = records[2].Id;
        _store.Failure = (batch, _) => batch.Any(r => r.Id == poison) ? new InvalidOperationException("violates a constraint") : null;
        using var writer = Writer(new AuditWriterOptions { BatchSize = 10 });
        Assert.All(records, record => Assert.True(writer.TryEnqueue(record)));

        await writer.StartAsync(CancellationToken.None);
        await writer.FlushAsync(new CancellationTokenSource(Patience).Token);

        Assert.Equal(records.Where(r => r.Id != poison), _store.Written);
        Assert.Equal(5, writer.Written);
        Assert.Equal(1, writer.Dropped);
        Assert.Contains(_logger.Entries, e => e.EventId == 4001 && e.Message.Contains(poison.ToString(), StringComparison.Ordinal));
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task StopAsync_StoreDownPastTheShutdownTimeout_DropsAndCountsWhatIsLeft()
    {
        _store.Failure = (_, _) => new TimeoutException("database down");
        using var writer = Writer(new AuditWriterOptions { InitialRetryDelay = TimeSpan.FromMilliseconds(5), MaxRetryDelay = TimeSpan.FromMilliseconds(20) });
        await writer.StartAsync(CancellationToken.None);
        Assert.All(Records(5), record => Assert.True(writer.TryEnqueue(record)));

        using var shutdownTimeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await writer.StopAsync(shutdownTimeout.Token);
        await WaitUntilAsync(() => writer.Dropped == 5);

        Assert.Equal(0, writer.Written);
        Assert.Empty(_store.Written);
        Assert.False(writer.TryEnqueue(Records(1)[0]));
    }

    [Fact]
    public async Task Writer_OnSqlite_EntriesReachTheDatabase()
    {
        var folder = Directory.CreateTempSubdirectory("b12cds-writer-").FullName;
        try
        {
            var store = new SqliteCdsStore(Path.Combine(folder, "b12cds.db"));
            await using (store)
            {
                await store.InitializeAsync();
                using var writer = new AuditWriter(store, _logger, new AuditWriterOptions { BatchSize = 7 });
                await writer.StartAsync(CancellationToken.None);
                var records = Records(50);
                Assert.All(records, record => Assert.True(writer.TryEnqueue(record)));

                await writer.StopAsync(new CancellationTokenSource(Patience).Token);

                Assert.Equal(50, writer.Written);
                Assert.Equal(50, (await store.QueryAuditAsync(new AuditQuery { PatientId = "subject-17" })).Count);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static TheoryData<Exception, bool> Failures => new()
    {
        { new TimeoutException(), true },
        { new IOException(), true },
        { new SqliteException("database is locked", 5), true },
        { new SqliteException("UNIQUE constraint failed", 19), false },
        { new NpgsqlException("connection refused", new IOException()), true },
        { new PostgresException("deadlock", "ERROR", "ERROR", "40P01"), true },
        { new PostgresException("duplicate key", "ERROR", "ERROR", "23505"), false },
        { new InvalidOperationException("wrapped", new TimeoutException()), true },
        { new InvalidOperationException("a bug"), false },
        { new ArgumentException(), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void IsTransient_KnownFailures_Classified(Exception exception, bool transient)
    {
        Assert.Equal(transient, TransientErrors.IsTransient(exception));
    }

    private AuditWriter Writer(AuditWriterOptions options) => new(_store, _logger, options);

    private static List<AuditRecord> Records(int count) => [.. Enumerable.Range(0, count).Select(i => new AuditRecord
    {
        Id = Guid.NewGuid(),
        Time = Now.AddSeconds(i),
        ServiceId = "b12-patient-view",
        HookInstance = Guid.NewGuid().ToString(),
        PatientId = "subject-17",
        Outcome = "no-cards",
        Duration = TimeSpan.FromMilliseconds(i),
    })];

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
