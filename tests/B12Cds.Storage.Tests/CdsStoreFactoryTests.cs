namespace B12Cds.Storage.Tests;

public sealed class CdsStoreFactoryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "b12cds-factory-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Create_NoPostgresConnectionString_SqliteFileInTheDataFolder(string? postgres)
    {
        var store = CdsStoreFactory.Create(Path.Combine(_folder, "data"), postgres);
        await using ((IAsyncDisposable)store)
        {
            await store.InitializeAsync();

            var sqlite = Assert.IsType<SqliteCdsStore>(store);
            Assert.Equal("sqlite", store.Provider);
            Assert.Equal(Path.Combine(_folder, "data", "b12cds.db"), sqlite.DatabasePath);
            Assert.True(File.Exists(sqlite.DatabasePath));
        }
    }

    [Fact]
    public async Task Create_PostgresConnectionString_PostgresStoreWithoutConnecting()
    {
        var store = CdsStoreFactory.Create(_folder, "Host=127.0.0.1;Port=1;Database=none");
        await using ((IAsyncDisposable)store)
        {
            Assert.IsType<PostgresCdsStore>(store);
            Assert.Equal("postgresql", store.Provider);
            Assert.False(Directory.Exists(_folder));
        }
    }
}
