using System.Data.Common;

namespace B12Cds.Storage.Sql;

/// <summary>
/// <c>INSERT … VALUES (…), (…), …</c> statements of up to <see cref="MaxRows"/> rows, the same SQL on both providers.
/// How many rows a statement takes is the dialect's choice (<see cref="SqlDialect.RowsPerInsert"/>): PostgreSQL
/// takes many (one round trip for a batch of audit entries and the cards they showed), SQLite one (it finds each
/// named parameter by a linear search of the statement's names, so a wide statement costs its square, while one
/// prepared single-row statement re-bound per row is cheap in-process). Parameter names (<c>@r{row}_{column}</c>)
/// and the SQL for each row count are made once.
/// </summary>
/// <typeparam name="T">The row's source.</typeparam>
/// <threadsafety instance="true"/>
internal sealed class MultiRowInsert<T>
{
    /// <summary>The most rows in one statement: far under either provider's parameter limit for our widest table (12 columns).</summary>
    public const int MaxRows = 64;

    private readonly string _head;
    private readonly string _tail;
    private readonly int _columns;
    private readonly string[] _names;
    private readonly string?[] _sql = new string?[MaxRows + 1];
    private readonly Action<T, object?[]> _values;

    /// <summary>Creates the statement.</summary>
    /// <param name="table">The table.</param>
    /// <param name="columns">The columns, comma-separated, in the order <paramref name="values"/> fills them.</param>
    /// <param name="tail">What follows the rows, e.g. an <c>ON CONFLICT</c> clause; empty for none.</param>
    /// <param name="values">Fills one row's values, in column order (<see langword="null"/> becomes SQL NULL).</param>
    public MultiRowInsert(string table, string columns, string tail, Action<T, object?[]> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        ArgumentException.ThrowIfNullOrWhiteSpace(columns);
        ArgumentNullException.ThrowIfNull(tail);
        ArgumentNullException.ThrowIfNull(values);
        _columns = columns.Split(',').Length;
        _head = $"INSERT INTO {table} ({columns}) VALUES ";
        _tail = tail.Length == 0 ? string.Empty : " " + tail;
        _values = values;
        _names = new string[MaxRows * _columns];
        for (var row = 0; row < MaxRows; row++)
        {
            for (var column = 0; column < _columns; column++)
            {
                _names[(row * _columns) + column] = $"@r{row}_{column}";
            }
        }
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> inside <paramref name="transaction"/>, up to <paramref name="rowsPerStatement"/>
    /// to a statement; a command is reused (its parameters given new values) while the chunk size stays the same,
    /// so a provider that caches the prepared statement prepares it once.
    /// </summary>
    public async Task ExecuteAsync(DbTransaction transaction, IReadOnlyList<T> rows, int rowsPerStatement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowsPerStatement);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rowsPerStatement, MaxRows);
        var values = new object?[_columns];
        DbCommand? command = null;
        try
        {
            for (var start = 0; start < rows.Count; start += rowsPerStatement)
            {
                var count = Math.Min(rowsPerStatement, rows.Count - start);
                if (command is null || command.Parameters.Count != count * _columns)
                {
                    command?.Dispose();
                    command = Command(transaction, count);
                }

                for (var row = 0; row < count; row++)
                {
                    var item = rows[start + row];
                    ArgumentNullException.ThrowIfNull(item, nameof(rows));
                    Array.Clear(values);
                    _values(item, values);
                    for (var column = 0; column < _columns; column++)
                    {
                        command.Parameters[(row * _columns) + column].Value = values[column] ?? DBNull.Value;
                    }
                }

                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            command?.Dispose();
        }
    }

    private DbCommand Command(DbTransaction transaction, int rows)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql(rows);
        for (var i = 0; i < rows * _columns; i++)
        {
            command.AddParameter(_names[i], null);
        }

        return command;
    }

    /// <summary>Gets the statement for <paramref name="rows"/> rows (made once per count; a race only makes it twice).</summary>
    internal string Sql(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, MaxRows);
        return _sql[rows] ??= Build(rows);
    }

    private string Build(int rows)
    {
        var sql = new System.Text.StringBuilder(_head, _head.Length + (rows * _columns * 8) + _tail.Length);
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < _columns; column++)
            {
                if (column > 0)
                {
                    sql.Append(", ");
                }

                sql.Append(_names[(row * _columns) + column]);
            }

            sql.Append(')');
        }

        return sql.Append(_tail).ToString();
    }
}
