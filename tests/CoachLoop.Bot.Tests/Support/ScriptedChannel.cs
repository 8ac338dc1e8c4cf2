using System.Collections.Concurrent;
using CoachLoop.Bot.Outbox;
using CoachLoop.Data.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Support;

/// <summary>
/// A channel whose far end is scripted: it can fail, throttle with Retry-After, or hang as if the host
/// died mid-delivery. Like a real chat API with client message ids, the far end keeps one message per
/// idempotency key, so a resend after a crash is not a second message.
/// </summary>
public sealed class ScriptedChannel
{
    public const string Name = "scripted";

    private readonly List<Rule> _rules = [];

    /// <summary>Every call the dispatcher made, in order, with its outcome.</summary>
    public ConcurrentQueue<(string Key, string Conversation, bool Update, string Outcome)> Calls { get; } = new();

    /// <summary>What the far end holds: one entry per idempotency key that got through.</summary>
    public ConcurrentDictionary<string, (string Conversation, int Sequence)> Delivered { get; } = new();

    private int _sequence;

    /// <summary>Conversations the router posts flag cards to (the team's manager channel).</summary>
    public string TeamConversation { get; set; } = "C-managers";

    public Func<OutboundMessage, Task>? BeforeAnswer { get; set; }

    /// <summary>The next <paramref name="times"/> sends that match answer <paramref name="result"/>; rules apply in the order given.</summary>
    public void Answer(Func<OutboundMessage, bool> match, SendResult result, int times = 1)
    {
        lock (_rules)
        {
            _rules.Add(new Rule(match, result, times));
        }
    }

    public void FailFlagCards(int times, string error = "connection reset") => Answer(IsFlagCard, SendResult.Retry(error), times);

    public void ThrottleFlagCards(TimeSpan retryAfter) => Answer(IsFlagCard, SendResult.Retry("ratelimited (429)", retryAfter));

    public static bool IsFlagCard(OutboundMessage message) => message.Card.Kind == "flag";

    public void Register(IServiceCollection services)
    {
        services.AddSingleton<IConversationRouter>(new Router(this));
        services.AddSingleton<ICardSender>(new Sender(this));
    }

    private async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        SendResult? scripted = null;
        lock (_rules)
        {
            var rule = _rules.FirstOrDefault(r => r.Remaining > 0 && r.Match(message));
            if (rule is not null)
            {
                rule.Remaining--;
                scripted = rule.Result;
            }
        }

        if (scripted is { Status: not SendStatus.Sent })
        {
            Calls.Enqueue((message.IdempotencyKey, message.ConversationId, message.MessageRef is not null, scripted.Error!));
            return scripted;
        }

        var seq = Interlocked.Increment(ref _sequence);
        var stored = Delivered.GetOrAdd(message.IdempotencyKey, (message.ConversationId, seq));
        // Recorded as it arrives: a host that dies before the answer still reached the far end.
        Calls.Enqueue((message.IdempotencyKey, message.ConversationId, message.MessageRef is not null, "ok"));
        if (BeforeAnswer is { } hook)
        {
            await hook(message).ConfigureAwait(false);
        }

        return SendResult.Sent(message.MessageRef ?? $"m-{stored.Sequence}");
    }

    private sealed class Rule(Func<OutboundMessage, bool> match, SendResult result, int remaining)
    {
        public Func<OutboundMessage, bool> Match { get; } = match;
        public SendResult Result { get; } = result;
        public int Remaining { get; set; } = remaining;
    }

    private sealed class Router(ScriptedChannel channel) : IConversationRouter
    {
        public string Channel => Name;

        public Task<IReadOnlyList<string>> ManagerConversationsAsync(Guid teamId, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<string>>([channel.TeamConversation]);

        public Task<string?> DirectConversationAsync(Guid personId, CancellationToken ct) => Task.FromResult<string?>($"D-{personId:N}");
    }

    private sealed class Sender(ScriptedChannel channel) : ICardSender
    {
        public string Channel => Name;

        public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken ct) => channel.SendAsync(message, ct);
    }
}
