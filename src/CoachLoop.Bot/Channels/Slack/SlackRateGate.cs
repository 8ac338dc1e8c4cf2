using System.Collections.Concurrent;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// Remembers Slack's 429 answers (<see href="https://api.slack.com/apis/rate-limits">rate limits</see>): after a
/// <c>Retry-After</c>, calls of that method (and, for methods limited per conversation such as chat.postMessage, to that
/// channel) wait until it has passed instead of hitting Slack again.
/// </summary>
public sealed class SlackRateGate(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _until = new(StringComparer.Ordinal);

    /// <summary>How long calls of <paramref name="method"/> to <paramref name="channel"/> must still wait, or null.</summary>
    public TimeSpan? Wait(string method, string? channel)
    {
        var now = clock.GetUtcNow();
        var wait = Remaining(method, now);
        if (channel is not null && Remaining(Key(method, channel), now) is { } perChannel && (wait is null || perChannel > wait))
        {
            wait = perChannel;
        }

        return wait;
    }

    public void Throttled(string method, string? channel, TimeSpan retryAfter) =>
        _until[channel is null ? method : Key(method, channel)] = clock.GetUtcNow() + retryAfter;

    private TimeSpan? Remaining(string key, DateTimeOffset now) =>
        _until.TryGetValue(key, out var until) && until > now ? until - now : null;

    private static string Key(string method, string channel) => method + "|" + channel;
}
