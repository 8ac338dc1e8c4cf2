namespace CoachLoop.Engine.Tests.Builders;

/// <summary>A clock standing at <see cref="Moments.Now"/> unless moved.</summary>
public sealed class FixedClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = Moments.Now;

    public override DateTimeOffset GetUtcNow() => Now;
}
