using System.Collections.Concurrent;

namespace CoachLoop.Bot.Channels.Teams.Connector;

/// <summary>
/// Teams' per-conversation send limits (7 per second, 8 per 2 s, 60 per 30 s, 1800 per hour): before each send the caller asks
/// for a slot and, when the conversation is at a limit, gets the wait instead, which the outbox turns into a later attempt.
/// </summary>
/// <remarks>See <see href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit">Rate limiting</see>.</remarks>
public sealed class ConversationThrottle(TimeProvider clock)
{
    private static readonly (int Count, TimeSpan Window)[] Limits =
    [
        (7, TimeSpan.FromSeconds(1)), (8, TimeSpan.FromSeconds(2)), (60, TimeSpan.FromSeconds(30)), (1800, TimeSpan.FromHours(1)),
    ];

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _sends = new(StringComparer.Ordinal);

    /// <returns>Null when the send may go now (and it is counted), else how long to wait.</returns>
    public TimeSpan? TryTake(string conversationId)
    {
        var now = clock.GetUtcNow();
        var queue = _sends.GetOrAdd(conversationId, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            while (queue.Count > 0 && now - queue.Peek() >= TimeSpan.FromHours(1))
            {
                queue.Dequeue();
            }

            foreach (var (count, window) in Limits)
            {
                var inWindow = queue.Where(t => now - t < window).ToList();
                if (inWindow.Count >= count)
                {
                    return inWindow[^count] + window - now;
                }
            }

            queue.Enqueue(now);
            return null;
        }
    }
}
