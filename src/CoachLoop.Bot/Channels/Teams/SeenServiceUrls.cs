using System.Collections.Concurrent;

namespace CoachLoop.Bot.Channels.Teams;

/// <summary>
/// The service URL each conversation's routes were last brought up to date with, so that an activity repeating it costs no UPDATE.
/// An entry is trusted for <see cref="Fresh"/> only: a route written since by something else (a re-link, a new 1:1 chat) is
/// corrected by the next activity after that at the latest.
/// </summary>
public sealed class SeenServiceUrls(TimeProvider clock)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromMinutes(1);

    /// <summary>Far more conversations than one host serves at once; past it the memory starts afresh.</summary>
    private const int MaxKept = 10_000;

    private readonly ConcurrentDictionary<string, (string Url, DateTimeOffset At)> _seen = new(StringComparer.Ordinal);

    public bool IsCurrent(string conversationId, string url) =>
        _seen.TryGetValue(conversationId, out var seen) && seen.Url == url && clock.GetUtcNow() - seen.At < Fresh;

    public void Remember(string conversationId, string url)
    {
        if (_seen.Count >= MaxKept)
        {
            _seen.Clear();
        }

        _seen[conversationId] = (url, clock.GetUtcNow());
    }
}
