namespace B12Cds.Storage.Tests;

/// <summary>A test that needs PostgreSQL: skipped without <c>B12CDS_TEST_POSTGRES</c>, except under <c>CI=true</c>, where it runs and fails.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresTestEnvironment.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
