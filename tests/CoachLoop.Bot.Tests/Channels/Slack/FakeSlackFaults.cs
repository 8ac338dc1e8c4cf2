namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>
/// Random faults for <see cref="FakeSlackApi"/>, the same on every method: a share of calls answered 429 (rate limited, nothing
/// done) and a share answered 500, half of those after the call took effect (a post made whose answer is lost).
/// </summary>
public sealed class FakeSlackFaults(double throttled, double failed, int seed = 7)
{
    private readonly Random _random = new(seed);

    /// <summary>How many faults were answered so far.</summary>
    public int Injected { get; private set; }

    /// <summary>The fault for the next call of <paramref name="method"/>, or null for a normal answer.</summary>
    public (int Status, bool AfterDoing)? Next(string method)
    {
        lock (_random)
        {
            var roll = _random.NextDouble();
            (int, bool)? fault = roll < throttled ? (429, false)
                : roll < throttled + failed ? (500, _random.Next(2) == 0)
                : null;
            Injected += fault is null ? 0 : 1;
            return fault;
        }
    }
}
