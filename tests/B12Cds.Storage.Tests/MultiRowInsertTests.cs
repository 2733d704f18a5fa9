using B12Cds.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace B12Cds.Storage.Tests;

public sealed class MultiRowInsertTests
{
    private static readonly MultiRowInsert<(int Id, string? Name)> Insert = new(
        "item",
        "id, name",
        "ON CONFLICT (id) DO NOTHING",
        (row, values) =>
        {
            values[0] = row.Id;
            values[1] = row.Name;
        });

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(MultiRowInsert<(int, string?)>.MaxRows)]
    public async Task Rows_InChunksOfAnySize_AreAllInsertedWithNullsAndTheTail(int rowsPerStatement)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE item (id integer PRIMARY KEY, name text NULL)";
            await create.ExecuteNonQueryAsync();
        }

        var rows = Enumerable.Range(0, 100).Select(i => (i, i % 7 == 0 ? null : $"n{i}")).Append((5, "repeat")).ToList();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await Insert.ExecuteAsync(transaction, rows, rowsPerStatement, CancellationToken.None);
            await transaction.CommitAsync();
        }

        using var read = connection.CreateCommand();
        read.CommandText = "SELECT count(*), count(name), max(id), (SELECT name FROM item WHERE id = 5) FROM item";
        await using var reader = await read.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(100, reader.GetInt64(0));
        Assert.Equal(100 - 15, reader.GetInt64(1));
        Assert.Equal(99, reader.GetInt64(2));
        Assert.Equal("n5", reader.GetString(3));
    }

    [Fact]
    public void Sql_NamesEveryRowsParameters()
    {
        Assert.Equal("INSERT INTO item (id, name) VALUES (@r0_0, @r0_1), (@r1_0, @r1_1) ON CONFLICT (id) DO NOTHING", Insert.Sql(2));
    }
}
