using Npgsql;

namespace B12Cds.Storage.Tests;

/// <summary>
/// The contract on PostgreSQL (<c>B12CDS_TEST_POSTGRES</c>): each test creates schemas of its own, with random names,
/// and drops them after, so that runs and tests never see each other's rows.
/// </summary>
[RequiresPostgres]
public sealed class PostgresCdsStoreTests : StoreContractTests
{
    private readonly List<string> _schemas = [];
    private string _connectionString = "";

    protected override string ExpectedProvider => "postgresql";

    protected override async Task CreateDatabaseAsync()
    {
        var server = PostgresTestEnvironment.RequireConnectionString();
        var schema = "b12cds_test_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync(server, $"CREATE SCHEMA {schema}");
        _schemas.Add(schema);
        _connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
    }

    protected override async Task DropDatabasesAsync()
    {
        foreach (var schema in _schemas)
        {
            await ExecuteAsync(PostgresTestEnvironment.RequireConnectionString(), $"DROP SCHEMA IF EXISTS {schema} CASCADE");
        }
    }

    protected override CdsStoreBase CreateStore() => new PostgresCdsStore(_connectionString);

    protected override Task ExecuteSqlAsync(string sql) => ExecuteAsync(_connectionString, sql);

    [PostgresFact]
    public async Task Schema_UsesNativeTypes()
    {
        var types = new Dictionary<string, string>();
        var connection = new NpgsqlConnection(WithoutPooling(_connectionString));
        await using (connection)
        {
            await connection.OpenAsync();
            using var command = new NpgsqlCommand(
                "SELECT table_name || '.' || column_name, udt_name FROM information_schema.columns WHERE table_schema = current_schema()", connection);
            var reader = await command.ExecuteReaderAsync();
            await using (reader)
            {
                while (await reader.ReadAsync())
                {
                    types[reader.GetString(0)] = reader.GetString(1);
                }
            }
        }

        Assert.Equal("uuid", types["cds_audit.id"]);
        Assert.Equal("timestamptz", types["cds_audit.occurred_at"]);
        Assert.Equal("_text", types["cds_audit.rules_fired"]);
        Assert.Equal("interval", types["cds_audit.duration"]);
        Assert.Equal("timestamptz", types["cds_shown_card.shown_at"]);
        Assert.Equal("_text", types["cds_feedback.accepted_suggestions"]);
    }

    [PostgresFact]
    public async Task Factory_ConnectionString_CreatesAPostgresStore()
    {
        var folder = Path.Combine(Path.GetTempPath(), "b12cds-unused-" + Guid.NewGuid().ToString("N"));
        var store = CdsStoreFactory.Create(folder, _connectionString);
        await using ((IAsyncDisposable)store)
        {
            await store.InitializeAsync();
            await store.RecordShownCardsAsync([Card("c1")]);

            Assert.IsType<PostgresCdsStore>(store);
            Assert.Single(await Store.FindShownCardsAsync(["c1"]));
            Assert.False(Directory.Exists(folder));
        }
    }

    private static string WithoutPooling(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        // Unpooled: one pool per random schema would keep idle connections open until the test run ends.
        var connection = new NpgsqlConnection(WithoutPooling(connectionString));
        await using (connection)
        {
            await connection.OpenAsync();
            using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
