namespace B12Cds.Storage;

/// <summary>Chooses the store from configuration: PostgreSQL when a connection string is given, else a SQLite file.</summary>
public static class CdsStoreFactory
{
    /// <summary>The SQLite file's name inside the data folder.</summary>
    public const string SqliteFileName = "b12cds.db";

    /// <summary>Creates the store (not yet initialized: call <see cref="ICdsStore.InitializeAsync"/> once at start-up).</summary>
    /// <param name="dataDirectory">The data folder: the SQLite file is <c>&lt;dataDirectory&gt;/b12cds.db</c>, and the folder is created on first start.</param>
    /// <param name="postgresConnectionString">A PostgreSQL connection string; when given (not blank), PostgreSQL is used instead.</param>
    /// <param name="timeProvider">The clock; the system clock by default.</param>
    public static ICdsStore Create(string dataDirectory, string? postgresConnectionString, TimeProvider? timeProvider = null)
    {
        if (!string.IsNullOrWhiteSpace(postgresConnectionString))
        {
            return new PostgresCdsStore(postgresConnectionString, timeProvider);
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        return new SqliteCdsStore(Path.Combine(dataDirectory, SqliteFileName), timeProvider);
    }
}
