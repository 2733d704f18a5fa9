using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace B12Cds.Storage.Sql;

/// <summary>
/// SQLite: times and durations are integers (microseconds since the Unix epoch, and microseconds), lists are JSON
/// arrays, uuids are text. The file is in WAL mode with <c>synchronous=FULL</c>, so a committed transaction survives
/// a crash or power loss; writers wait for each other (busy timeout) instead of failing.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    /// <summary>How long a connection waits for another writer's lock, in milliseconds.</summary>
    public const int BusyTimeoutMilliseconds = 10_000;

    private static readonly long EpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    private readonly string _connectionString;

    public SqliteDialect(string databasePathOrConnectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePathOrConnectionString);
        var builder = ParseConnectionString(databasePathOrConnectionString)
            ?? new SqliteConnectionStringBuilder { DataSource = databasePathOrConnectionString };
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, BusyTimeoutMilliseconds / 1000);
        DatabasePath = Path.GetFullPath(builder.DataSource);
        builder.DataSource = DatabasePath;
        _connectionString = builder.ToString();
    }

    /// <summary>Gets the database file's full path.</summary>
    public string DatabasePath { get; }

    public override string Provider => "sqlite";

    public override string TimeType => "integer";

    public override string ListType => "text";

    public override string DurationType => "integer";

    public override string UuidType => "text";

    public override string IdentityColumn => "integer NOT NULL PRIMARY KEY";

    // One row a statement: SQLite looks each named parameter up by a linear search (strncmp over the statement's
    // names), so binding a 64-row statement costs thousands of comparisons a row; a prepared one-row statement
    // re-bound for each row is the cheapest in-process.
    public override int RowsPerInsert => 1;

    public override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // WAL is a property of the file (it persists); it lets readers run while one writer commits.
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private const long MemoryMapBytes = 256L * 1024 * 1024;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var command = connection.CreateCommand();
            // All per connection: wait for a lock instead of failing, make each commit durable before it returns, and
            // read pages through a memory map rather than copying each one out of the OS cache.
            command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = FULL; PRAGMA mmap_size = {MemoryMapBytes};";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // Microsoft.Data.Sqlite begins every transaction with BEGIN IMMEDIATE: the migration transaction holds the
    // write lock from its first statement, so a second instance waits (busy timeout) and then sees the new version.
    public override Task LockForMigrationAsync(DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    public override string InList(string column, string parameter) => $"{column} IN (SELECT value FROM json_each({parameter}))";

    public override object Time(DateTimeOffset value) => (value.UtcTicks - EpochTicks) / TimeSpan.TicksPerMicrosecond;

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        new(EpochTicks + (reader.GetInt64(ordinal) * TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);

    public override object List(IReadOnlyCollection<string> values) => JsonSerializer.Serialize(values, StorageJsonContext.Default.IReadOnlyCollectionString);

    public override IReadOnlyList<string> ReadList(DbDataReader reader, int ordinal) =>
        JsonSerializer.Deserialize(reader.GetString(ordinal), StorageJsonContext.Default.StringArray) ?? [];

    public override object Duration(TimeSpan value) => value.Ticks / TimeSpan.TicksPerMicrosecond;

    public override TimeSpan ReadDuration(DbDataReader reader, int ordinal) => TimeSpan.FromTicks(reader.GetInt64(ordinal) * TimeSpan.TicksPerMicrosecond);

    public override object Uuid(Guid value) => value.ToString("D");

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them so the file can be moved or deleted after disposal.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    private static SqliteConnectionStringBuilder? ParseConnectionString(string value)
    {
        if (!value.Contains('=', StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var builder = new SqliteConnectionStringBuilder(value);
            return string.IsNullOrWhiteSpace(builder.DataSource) ? null : builder;
        }
        catch (ArgumentException)
        {
            // A file path that happens to contain '=' is not a connection string.
            return null;
        }
    }
}
