namespace CoachLoop.Testing;

/// <summary>A TimeProvider the test moves by hand (the testing package is not used: ours is enough).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public static DateTimeOffset DefaultStart { get; } = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    public ManualClock() : this(DefaultStart) { }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset now) => _now = now;
}
