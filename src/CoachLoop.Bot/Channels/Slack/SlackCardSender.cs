using System.Text.Json.Nodes;
using CoachLoop.Bot.Cards.BlockKit;
using CoachLoop.Bot.Channels.Slack.Installs;
using CoachLoop.Bot.Outbox;
using CoachLoop.Data.Outbox;
using CoachLoop.Engine.People;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// The outbox's Slack sender: <see href="https://api.slack.com/methods/chat.postMessage">chat.postMessage</see> for a new card,
/// <see href="https://api.slack.com/methods/chat.update">chat.update</see> for a card that changed. A person's DM (<c>person:…</c>,
/// <c>user:U…</c>) is resolved by <see cref="SlackRecipients"/>. Every post carries its outbox key as message metadata; when an
/// earlier attempt's outcome is unknown (host died mid-send, call timed out), the channel's recent history is searched for
/// that key before posting again, so a resend does not make a second card. 429 and outages are retried (after Slack's
/// Retry-After when it gave one); errors that cannot succeed are dead-lettered with Slack's reason. Each call goes out with the
/// token of the installation the conversation belongs to (<see cref="SlackInstallations"/>); a card for an installation that was
/// removed is dead-lettered saying so.
/// </summary>
public sealed class SlackCardSender(SlackApiClient slack, SlackRecipients recipients, SlackInstallations installations) : ICardSender
{
    /// <summary>How many of a conversation's newest messages are searched for a post whose outcome is unknown.</summary>
    public const int HistoryDepth = 100;

    public string Channel => ChatIdentity.Slack;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var rendered = BlockKitRenderer.Render(message.Card);
        var where = new SlackMessageRef(message.ConversationId, "");
        if (message.MessageRef is not null && !SlackMessageRef.TryParse(message.MessageRef, out where))
        {
            return SendResult.Permanent($"not a Slack message reference: '{message.MessageRef}'");
        }

        var workspace = await installations.ForConversationAsync(where.Channel, ct)
            .ConfigureAwait(false);
        if (workspace is null)
        {
            return SendResult.Permanent($"no Slack installation serves conversation '{message.ConversationId}'");
        }

        if (workspace.Revoked is { } removed)
        {
            return SendResult.Permanent($"slack: the installation '{workspace.Key}' was removed ({removed}); nothing is sent there");
        }

        var token = workspace.Token;
        if (message.MessageRef is not null)
        {
            var updated = await slack.UpdateAsync(token, where.Channel, where.Ts, rendered.Text, rendered.Blocks, ct).ConfigureAwait(false);
            return updated.Ok ? SendResult.Sent(message.MessageRef) : Failure("chat.update", updated);
        }

        var channel = message.ConversationId;
        if (channel.StartsWith(RoutedConversations.UserPrefix, StringComparison.Ordinal) || RoutedConversations.IsPerson(channel))
        {
            var (dm, failure) = await recipients.DirectAsync(channel, workspace, ct).ConfigureAwait(false);
            if (failure is not null)
            {
                return failure;
            }

            channel = dm!;
        }

        if (message.OutcomeUnknown && await FindPostedAsync(token, channel, message.IdempotencyKey, ct).ConfigureAwait(false) is { } found)
        {
            return found;
        }

        var posted = await slack.PostMessageAsync(token, channel, rendered.Text, rendered.Blocks, message.IdempotencyKey, ct).ConfigureAwait(false);
        return posted.Ok && posted.Get("ts") is { } ts
            ? SendResult.Sent(new SlackMessageRef(posted.Get("channel") ?? channel, ts).ToString())
            : Failure("chat.postMessage", posted, mayHavePosted: posted.RetryAfter is null);
    }

    /// <summary>
    /// The post of an earlier attempt, found by its outbox key in the channel's newest messages: Sent when there, null when not
    /// (post it now). When history cannot be read now the message is retried still unsure; when it can never be read (scope
    /// missing) posting is the lesser harm, a possible duplicate rather than a lost card.
    /// </summary>
    private async Task<SendResult?> FindPostedAsync(string token, string channel, string key, CancellationToken ct)
    {
        var history = await slack.RecentMessagesAsync(token, channel, HistoryDepth, ct).ConfigureAwait(false);
        if (!history.Ok)
        {
            return history.Transient ? Failure("conversations.history", history, mayHavePosted: true) : null;
        }

        foreach (var posted in history.Body?["messages"] as JsonArray ?? [])
        {
            var metadata = posted?["metadata"];
            if (metadata?["event_type"]?.GetValue<string>() == SlackApiClient.CardEventType
                && metadata["event_payload"]?[SlackApiClient.OutboxKeyField]?.GetValue<string>() == key
                && posted!["ts"]?.GetValue<string>() is { } ts)
            {
                return SendResult.Sent(new SlackMessageRef(channel, ts).ToString());
            }
        }

        return null;
    }

    internal static SendResult Failure(string method, SlackApiResponse response, bool mayHavePosted = false) =>
        response.Transient
            ? SendResult.Retry($"slack {method}: {response.Describe()}", response.RetryAfter, mayHavePosted)
            : SendResult.Permanent($"slack {method}: {response.Describe()}");
}
