using System.Collections.Concurrent;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// users.lookupByEmail once per person and installation (the same email is a different user, or none, in each workspace):
/// lanes that need the same person at the same moment share one call, and an email
/// Slack does not know is not asked again for a while (each card for that person is dead-lettered with Slack's answer).
/// </summary>
public sealed class SlackLookups(TimeProvider clock)
{
    public static readonly TimeSpan RememberUnknown = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Lazy<Task<SlackApiResponse>>> _inFlight = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, SlackApiResponse Answer)> _unknown = new(StringComparer.OrdinalIgnoreCase);

    public async Task<SlackApiResponse> LookupAsync(string installation, string email, Func<Task<SlackApiResponse>> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var key = installation + "|" + email;
        if (_unknown.TryGetValue(key, out var known) && known.Until > clock.GetUtcNow())
        {
            return known.Answer;
        }

        var call = _inFlight.GetOrAdd(key, _ => new Lazy<Task<SlackApiResponse>>(lookup));
        try
        {
            var answer = await call.Value.ConfigureAwait(false);
            if (!answer.Ok && !answer.Transient)
            {
                _unknown[key] = (clock.GetUtcNow() + RememberUnknown, answer);
            }

            return answer;
        }
        finally
        {
            _inFlight.TryRemove(KeyValuePair.Create(key, call));
        }
    }
}
