using System.Data.Common;

namespace B12Cds.Storage.Sql;

/// <summary>
/// What differs between the providers: connections, column types, how times, lists, durations and uuids are stored,
/// how a list parameter is matched, and how schema migrations are serialized. The SQL itself is shared.
/// </summary>
internal abstract class SqlDialect : IAsyncDisposable
{
    /// <summary>Gets the provider's name.</summary>
    public abstract string Provider { get; }

    /// <summary>Gets the column type of a point in time.</summary>
    public abstract string TimeType { get; }

    /// <summary>Gets the column type of a list of strings.</summary>
    public abstract string ListType { get; }

    /// <summary>Gets the column type of a duration.</summary>
    public abstract string DurationType { get; }

    /// <summary>Gets the column type of a uuid.</summary>
    public abstract string UuidType { get; }

    /// <summary>Gets the definition of a generated integer primary key column.</summary>
    public abstract string IdentityColumn { get; }

    /// <summary>Gets how many rows one INSERT statement takes (see <see cref="MultiRowInsert{T}"/>).</summary>
    public abstract int RowsPerInsert { get; }

    /// <summary>Prepares the database before migrations run (outside any transaction).</summary>
    public virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Opens a connection, set up for this store.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Takes the lock that serializes migrations between instances, inside <paramref name="transaction"/>.</summary>
    public abstract Task LockForMigrationAsync(DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Gets the SQL condition "<paramref name="column"/> is one of the list in parameter <paramref name="parameter"/>".</summary>
    public abstract string InList(string column, string parameter);

    /// <summary>Gets a time as a parameter value (already UTC and truncated to the microsecond).</summary>
    public abstract object Time(DateTimeOffset value);

    /// <summary>Reads a time column.</summary>
    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>Gets a list of strings as a parameter value.</summary>
    public abstract object List(IReadOnlyCollection<string> values);

    /// <summary>Reads a list column.</summary>
    public abstract IReadOnlyList<string> ReadList(DbDataReader reader, int ordinal);

    /// <summary>Gets a duration as a parameter value (already truncated to the microsecond).</summary>
    public abstract object Duration(TimeSpan value);

    /// <summary>Reads a duration column.</summary>
    public abstract TimeSpan ReadDuration(DbDataReader reader, int ordinal);

    /// <summary>Gets a uuid as a parameter value.</summary>
    public abstract object Uuid(Guid value);

    /// <inheritdoc/>
    public abstract ValueTask DisposeAsync();
}
