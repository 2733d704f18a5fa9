namespace B12Cds.Service.Tests.Infrastructure;

/// <summary>
/// A clock that reads a chosen day (the samples' evaluation date) but runs at real speed, so evaluations are
/// deterministic while timeouts, retries and deadlines behave as they do in production. <see cref="Advance"/> jumps
/// it forward (past a snooze or the repeat window).
/// </summary>
public sealed class ShiftedTimeProvider(DateTimeOffset startAt) : TimeProvider
{
    private long _shiftTicks = (startAt - System.GetUtcNow()).Ticks;

    /// <summary>The samples' evaluation date (fhir-samples/README.md): 2026-11-01, midday UTC.</summary>
    public static DateTimeOffset SampleDate { get; } = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _shiftTicks));

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan elapsed) => Interlocked.Add(ref _shiftTicks, elapsed.Ticks);
}
