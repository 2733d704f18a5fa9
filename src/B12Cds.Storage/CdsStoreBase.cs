using System.Data.Common;
using B12Cds.Storage.Sql;

namespace B12Cds.Storage;

/// <summary>
/// The store over ADO.NET, written once for both providers: the SQL is shared, and the provider's
/// <see cref="SqlDialect"/> supplies connections, column types and value conversions. Each call opens a pooled
/// connection and each write is one transaction, committed before the call returns.
/// </summary>
/// <threadsafety instance="true"/>
public abstract partial class CdsStoreBase : ICdsStore, IAsyncDisposable
{
    /// <summary>The most rows a query returns.</summary>
    public const int MaxQueryLimit = 10_000;

    private readonly SqlDialect _dialect;
    private readonly TimeProvider _timeProvider;
    private readonly MultiRowInsert<AuditRecord> _insertAudit;
    private readonly MultiRowInsert<ShownCard> _insertShownCards;
    private readonly MultiRowInsert<ShownCard> _insertShownCardsIgnoringRepeats;
    private readonly MultiRowInsert<ShownCard> _upsertLastShown;
    private readonly MultiRowInsert<FeedbackRecord> _insertFeedback;
    private readonly MultiRowInsert<Suppression> _insertSuppressions;

    private protected CdsStoreBase(SqlDialect dialect, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        _dialect = dialect;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _insertAudit = AuditInsert();
        _insertShownCards = ShownCardInsert(ignoreRepeats: false);
        _insertShownCardsIgnoringRepeats = ShownCardInsert(ignoreRepeats: true);
        _upsertLastShown = LastShownUpsert();
        _insertFeedback = FeedbackInsert();
        _insertSuppressions = SuppressionInsert();
    }

    /// <inheritdoc/>
    public string Provider => _dialect.Provider;

    /// <inheritdoc/>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await _dialect.PrepareAsync(cancellationToken).ConfigureAwait(false);
        await InTransactionAsync(
            async (transaction, ct) =>
            {
                await _dialect.LockForMigrationAsync(transaction, ct).ConfigureAwait(false);
                await ExecuteAsync(transaction, Schema.VersionTableDdl(_dialect), ct).ConfigureAwait(false);
                var current = await SchemaVersionAsync(transaction, ct).ConfigureAwait(false);
                if (current > Schema.CurrentVersion)
                {
                    throw new InvalidOperationException(
                        $"The database's schema is at version {current}, newer than version {Schema.CurrentVersion} that this build knows; refusing to use it.");
                }

                for (var version = current + 1; version <= Schema.CurrentVersion; version++)
                {
                    await ExecuteAsync(transaction, Schema.Migration(version, _dialect), ct).ConfigureAwait(false);
                    using var record = Command(transaction, $"INSERT INTO {Schema.VersionTable} (version, applied_at) VALUES (@version, @applied_at)");
                    record.AddParameter("@version", version).AddParameter("@applied_at", Time(_timeProvider.GetUtcNow()));
                    await record.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets the schema version the database is at (0 before <see cref="InitializeAsync"/>).</summary>
    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        var version = 0;
        await InTransactionAsync(
            async (transaction, ct) =>
            {
                await ExecuteAsync(transaction, Schema.VersionTableDdl(_dialect), ct).ConfigureAwait(false);
                version = await SchemaVersionAsync(transaction, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return version;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return _dialect.DisposeAsync();
    }

    private static async Task<int> SchemaVersionAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        using var command = Command(transaction, $"SELECT COALESCE(MAX(version), 0) FROM {Schema.VersionTable}");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
    }

    // Times are stored in UTC to the microsecond (PostgreSQL's precision), on both providers alike.
    private object Time(DateTimeOffset value) => _dialect.Time(new DateTimeOffset(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero));

    private object Duration(TimeSpan value) => _dialect.Duration(TimeSpan.FromTicks(value.Ticks - (value.Ticks % TimeSpan.TicksPerMicrosecond)));

    private static int CheckLimit(int limit, string paramName)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit, paramName);
        return Math.Min(limit, MaxQueryLimit);
    }

    private static DbCommand Command(DbTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task ExecuteAsync(DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = Command(transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="work"/> in one transaction on its own connection, and commits it when it completes.</summary>
    private async Task InTransactionAsync(Func<DbTransaction, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await work(transaction, cancellationToken).ConfigureAwait(false);
                // Once all the work is done the commit is not cancelled: a half-cancelled commit would leave the outcome unknown.
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Runs a query (no explicit transaction: SQLite's would take the write lock) and maps every row.</summary>
    private async Task<List<T>> QueryAsync<T>(string sql, Action<DbCommand> parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await ReadRowsAsync(sql, parameters, reader => rows.Add(map(reader)), cancellationToken).ConfigureAwait(false);
        return rows;
    }

    /// <summary>Runs a query (no explicit transaction: SQLite's would take the write lock) and hands every row to <paramref name="row"/>.</summary>
    private async Task ReadRowsAsync(string sql, Action<DbCommand> parameters, Action<DbDataReader> row, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            parameters(command);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    row(reader);
                }
            }
        }
    }
}
