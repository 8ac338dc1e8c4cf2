namespace CoachLoop.Bot.Channels.Teams.Connector;

/// <summary>
/// Teams' send limits: per conversation 7 per second, 8 per 2 s, 60 per 30 s and 1800 per hour, and per tenant 50 per second
/// for the whole app. Before each send the caller asks for a slot and, when a limit is reached, gets the wait instead, which the
/// outbox turns into a later attempt (a wait does not use up an attempt). Per host: several hosts each keep their own count.
/// </summary>
/// <remarks>See <see href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit">Rate limiting</see>.</remarks>
public sealed class ConversationThrottle(TimeProvider clock)
{
    private static readonly (int Count, TimeSpan Window)[] ConversationLimits =
    [
        (7, TimeSpan.FromSeconds(1)), (8, TimeSpan.FromSeconds(2)), (60, TimeSpan.FromSeconds(30)), (1800, TimeSpan.FromHours(1)),
    ];

    private static readonly (int Count, TimeSpan Window)[] TenantLimits = [(50, TimeSpan.FromSeconds(1))];

    private readonly Dictionary<string, Queue<DateTimeOffset>> _sends = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <returns>Null when the send may go now (and it is counted), else how long to wait.</returns>
    public TimeSpan? TryTake(string conversationId, string tenant = "")
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var conversation = Queue($"c:{conversationId}", now);
            var tenantQueue = Queue($"t:{tenant}", now);
            var wait = Wait(conversation, ConversationLimits, now) ?? Wait(tenantQueue, TenantLimits, now);
            if (wait is null)
            {
                conversation.Enqueue(now);
                tenantQueue.Enqueue(now);
            }

            return wait;
        }
    }

    /// <summary>Conversations that fell quiet are forgotten once the map grows, so a long-running host does not keep them all.</summary>
    public const int SweepAbove = 10_000;

    private Queue<DateTimeOffset> Queue(string key, DateTimeOffset now)
    {
        if (_sends.Count > SweepAbove)
        {
            foreach (var quiet in _sends.Where(e => e.Value.Count == 0 || now - e.Value.Last() >= TimeSpan.FromHours(1)).Select(e => e.Key).ToList())
            {
                _sends.Remove(quiet);
            }
        }

        if (!_sends.TryGetValue(key, out var queue))
        {
            _sends[key] = queue = new Queue<DateTimeOffset>();
        }

        while (queue.Count > 0 && now - queue.Peek() >= TimeSpan.FromHours(1))
        {
            queue.Dequeue();
        }

        return queue;
    }

    private static TimeSpan? Wait(Queue<DateTimeOffset> queue, (int Count, TimeSpan Window)[] limits, DateTimeOffset now)
    {
        foreach (var (count, window) in limits)
        {
            var inWindow = queue.Where(t => now - t < window).ToList();
            if (inWindow.Count >= count)
            {
                return inWindow[^count] + window - now;
            }
        }

        return null;
    }
}
