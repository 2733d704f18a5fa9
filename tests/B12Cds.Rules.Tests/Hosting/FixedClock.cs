namespace B12Cds.Rules.Tests.Hosting;

/// <summary>A clock that always reads the same instant; timers (the debounce) still run in real time.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
