using System.Data.Common;
using Npgsql;

namespace B12Cds.Storage.Sql;

/// <summary>
/// PostgreSQL: <c>timestamptz</c>, <c>text[]</c>, <c>interval</c> and <c>uuid</c> columns; the tables live in the
/// first schema of the connection's search path. Migrations are serialized with a transaction-scoped advisory lock.
/// </summary>
internal sealed class PostgresDialect : SqlDialect
{
    // An arbitrary constant naming "B12 CDS schema migration" among the database's advisory locks.
    private const long MigrationLockKey = 0x0B12_CD50_0001;

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;

    public PostgresDialect(NpgsqlDataSource dataSource, bool ownsDataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
    }

    public override string Provider => "postgresql";

    public override string TimeType => "timestamptz";

    public override string ListType => "text[]";

    public override string DurationType => "interval";

    public override string UuidType => "uuid";

    public override string IdentityColumn => "bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    // Many rows a statement: each statement is a round trip to the server.
    public override int RowsPerInsert => MultiRowInsert<object>.MaxRows;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async Task LockForMigrationAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(@key)";
        command.AddParameter("@key", MigrationLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override string InList(string column, string parameter) => $"{column} = ANY({parameter})";

    public override object Time(DateTimeOffset value) => value;

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public override object List(IReadOnlyCollection<string> values) => values as string[] ?? [.. values];

    public override IReadOnlyList<string> ReadList(DbDataReader reader, int ordinal) => reader.GetFieldValue<string[]>(ordinal);

    public override object Duration(TimeSpan value) => value;

    public override TimeSpan ReadDuration(DbDataReader reader, int ordinal) => reader.GetFieldValue<TimeSpan>(ordinal);

    public override object Uuid(Guid value) => value;

    public override ValueTask DisposeAsync() => _ownsDataSource ? _dataSource.DisposeAsync() : ValueTask.CompletedTask;
}
