namespace B12Cds.Cards.Tests.Support;

/// <summary>A clock stopped at one instant (the system clock is banned: evaluation time is an input).</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
