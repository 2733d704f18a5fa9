using B12Cds.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace B12Cds.Storage.Tests;

/// <summary>The contract on SQLite, each test in its own temporary folder (deleted after), plus the file's own behaviour.</summary>
public sealed class SqliteCdsStoreTests : StoreContractTests
{
    private readonly List<string> _folders = [];
    private string _path = "";

    protected override string ExpectedProvider => "sqlite";

    protected override Task CreateDatabaseAsync()
    {
        var folder = Directory.CreateTempSubdirectory("b12cds-store-").FullName;
        _folders.Add(folder);
        // The "data" folder does not exist yet: the store creates it.
        _path = Path.Combine(folder, "data", CdsStoreFactory.SqliteFileName);
        return Task.CompletedTask;
    }

    protected override Task DropDatabasesAsync()
    {
        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    protected override CdsStoreBase CreateStore() => new SqliteCdsStore(_path);

    protected override async Task ExecuteSqlAsync(string sql) => await ScalarAsync(_path, sql);

    [Fact]
    public void InitializeAsync_FolderMissing_CreatesFolderAndFile()
    {
        // InitializeAsync ran on a path whose folder did not exist.
        Assert.True(File.Exists(_path));
        Assert.Equal(_path, ((SqliteCdsStore)Store).DatabasePath);
    }

    [Fact]
    public async Task File_IsInWalModeWithTimesAsIntegerMicroseconds()
    {
        await Store.RecordShownCardsAsync([Card("c1", shownAt: DateTimeOffset.UnixEpoch.AddTicks(10))]);

        Assert.Equal("wal", await ScalarAsync(_path, "PRAGMA journal_mode"));
        Assert.Equal("integer:1", await ScalarAsync(_path, "SELECT typeof(shown_at) || ':' || shown_at FROM cds_shown_card"));
    }

    [Fact]
    public async Task Reopen_AfterDispose_HasTheCommittedData()
    {
        // Arrange
        await Store.RecordShownCardsAsync([Card("c1")]);
        await Store.AppendAuditAsync([Audit(Now)]);
        await Store.DisposeAsync();

        // Act
        var reopened = OpenStore();
        await reopened.InitializeAsync();

        // Assert
        Assert.Single(await reopened.FindShownCardsAsync(["c1"]));
        Assert.Single(await reopened.QueryAuditAsync(new AuditQuery()));
        Assert.Equal(Schema.CurrentVersion, await reopened.GetSchemaVersionAsync());
    }

    [Fact]
    public async Task FilesCopiedWhileOpen_AsAfterACrash_HaveEveryCommittedWrite()
    {
        // Arrange: committed writes, the store still open (nothing checkpointed or closed cleanly).
        await Store.RecordShownCardsAsync([Card("c1")]);
        await Store.RecordFeedbackAsync([Feedback("c1")], [new Suppression("p1", "b12-low", Now.AddDays(1), "snooze-1d", "c1")]);
        await Store.AppendAuditAsync([Audit(Now)]);

        // Act: what a power cut would leave on disk is the database file and its write-ahead log.
        var crashed = Directory.CreateTempSubdirectory("b12cds-crash-").FullName;
        _folders.Add(crashed);
        var copy = Path.Combine(crashed, CdsStoreFactory.SqliteFileName);
        foreach (var suffix in new[] { "", "-wal" })
        {
            if (File.Exists(_path + suffix))
            {
                File.Copy(_path + suffix, copy + suffix);
            }
        }

        var recovered = new SqliteCdsStore(copy);
        await using (recovered)
        {
            await recovered.InitializeAsync();

            // Assert
            Assert.Single(await recovered.FindShownCardsAsync(["c1"]));
            Assert.Single(await recovered.QueryFeedbackAsync(null, 10));
            Assert.Single(await recovered.QueryAuditAsync(new AuditQuery()));
            Assert.Equal(["b12-low"], await recovered.SuppressedCardKeysAsync("p1", PatientView, Now, TimeSpan.Zero));
        }
    }

    [Fact]
    public async Task Constructor_ConnectionString_UsesItsDataSource()
    {
        var store = new SqliteCdsStore($"Data Source={_path};Pooling=True");
        await using (store)
        {
            await store.InitializeAsync();
            await Store.RecordShownCardsAsync([Card("c1")]);

            Assert.Equal(_path, store.DatabasePath);
            Assert.Single(await store.FindShownCardsAsync(["c1"]));
        }
    }

    [Fact]
    public async Task Writers_ManyAtOnce_WaitForEachOtherInsteadOfFailing()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => OpenStore()).ToList();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => stores[i % 4].AppendAuditAsync([Audit(Now.AddSeconds(i))]))));

        Assert.Equal(40, (await AllAuditAsync()).Count);
    }

    private static async Task<string?> ScalarAsync(string path, string sql)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await using (connection)
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return (await command.ExecuteScalarAsync())?.ToString();
        }
    }
}
