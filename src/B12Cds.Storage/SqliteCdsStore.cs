using B12Cds.Storage.Sql;

namespace B12Cds.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, committed durably (<c>synchronous=FULL</c>), with a busy timeout
/// so that concurrent writers wait for each other. <see cref="CdsStoreBase.InitializeAsync"/> creates the folder and the file.
/// </summary>
public sealed class SqliteCdsStore : CdsStoreBase
{
    /// <summary>Creates the store.</summary>
    /// <param name="databasePathOrConnectionString">The database file's path, or a SQLite connection string (<c>Data Source=...</c>).</param>
    /// <param name="timeProvider">The clock (when a schema version was applied); the system clock by default.</param>
    public SqliteCdsStore(string databasePathOrConnectionString, TimeProvider? timeProvider = null)
        : this(new SqliteDialect(databasePathOrConnectionString), timeProvider)
    {
    }

    private SqliteCdsStore(SqliteDialect dialect, TimeProvider? timeProvider)
        : base(dialect, timeProvider)
    {
        DatabasePath = dialect.DatabasePath;
    }

    /// <summary>Gets the database file's full path.</summary>
    public string DatabasePath { get; }
}
