using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace B12Cds.Storage;

/// <summary>Which store failures are worth retrying: the database was busy, unreachable or out of resources, not the data refused.</summary>
internal static class TransientErrors
{
    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_PROTOCOL.
    private static readonly int[] SqliteTransientCodes = [5, 6, 10, 13, 14, 15];

    public static bool IsTransient(Exception exception) => exception switch
    {
        TimeoutException or IOException or SocketException => true,
        SqliteException sqlite => SqliteTransientCodes.Contains(sqlite.SqliteErrorCode),
        DbException { IsTransient: true } => true,
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };
}
