using System.Diagnostics;

namespace CoachLoop.Testing;

/// <summary>
/// A TimeProvider the test moves by hand (the testing package is not used: ours is enough). It can also
/// be let run from its current time at real speed, for code that waits on the clock (Quartz).
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    private Stopwatch? _running;

    public static DateTimeOffset DefaultStart { get; } = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    public ManualClock() : this(DefaultStart) { }

    public override DateTimeOffset GetUtcNow() => _running is null ? _now : _now + _running.Elapsed;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset now) => _now = now;

    /// <summary>From now on, time passes at real speed from the current manual time.</summary>
    public void Run() => _running = Stopwatch.StartNew();
}
