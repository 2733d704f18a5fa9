namespace B12Cds.Cli.Tests.Rules;

/// <summary>A clock stopped at the samples' evaluation time, 2026-11-01T00:00:00Z, so the default <c>--at</c> is reproducible.</summary>
internal sealed class SampleClock : TimeProvider
{
    public static SampleClock Instance { get; } = new();

    public override DateTimeOffset GetUtcNow() => new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
}
