using B12Cds.Storage.Sql;
using Npgsql;

namespace B12Cds.Storage;

/// <summary>
/// The PostgreSQL store, over an <see cref="NpgsqlDataSource"/> (pooled connections). The tables are created in the
/// first schema of the connection's search path (<c>public</c> unless the connection string says otherwise).
/// </summary>
public sealed class PostgresCdsStore : CdsStoreBase
{
    /// <summary>Creates the store and its data source.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="timeProvider">The clock (when a schema version was applied); the system clock by default.</param>
    public PostgresCdsStore(string connectionString, TimeProvider? timeProvider = null)
        : base(new PostgresDialect(CreateDataSource(connectionString), ownsDataSource: true), timeProvider)
    {
    }

    /// <summary>Creates the store over a data source the caller owns (and disposes).</summary>
    public PostgresCdsStore(NpgsqlDataSource dataSource, TimeProvider? timeProvider = null)
        : base(new PostgresDialect(dataSource, ownsDataSource: false), timeProvider)
    {
    }

    private static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return NpgsqlDataSource.Create(connectionString);
    }
}
