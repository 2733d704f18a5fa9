namespace B12Cds.Storage.Tests;

/// <summary>
/// Where the PostgreSQL tests find their server: the connection string in <c>B12CDS_TEST_POSTGRES</c>
/// (<c>source .ci/postgres.sh &amp;&amp; postgres_start</c> sets it). Without it the tests are skipped on a developer's
/// machine, and fail under <c>CI=true</c>, so that CI cannot pass by silently skipping them.
/// </summary>
internal static class PostgresTestEnvironment
{
    public const string Variable = "B12CDS_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets why PostgreSQL tests are skipped, or <see langword="null"/> when they run (the server is configured, or CI=true).</summary>
    public static string? SkipReason => ConnectionString is null && !IsCi
        ? $"PostgreSQL tests need {Variable} (a connection string); `source .ci/postgres.sh && postgres_start` starts a server and sets it. Under CI=true they fail instead."
        : null;

    public static string RequireConnectionString() => ConnectionString
        ?? throw new InvalidOperationException(
            $"{Variable} is not set and CI=true: the PostgreSQL store tests must run in CI (.ci/run starts a server with .ci/postgres.sh).");
}
