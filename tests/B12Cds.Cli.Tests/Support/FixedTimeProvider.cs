namespace B12Cds.Cli.Tests.Support;

/// <summary>A clock that always says the same instant, so the default <c>--at</c> (now) is reproducible.</summary>
internal sealed class FixedTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _now;

    public FixedTimeProvider(DateTimeOffset now)
    {
        _now = now;
    }

    /// <summary>Gets the samples' evaluation time, 2026-11-01T00:00:00Z.</summary>
    public static FixedTimeProvider SampleDate { get; } = new(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => _now;
}
