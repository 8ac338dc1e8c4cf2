using CoachLoop.Bot.Cards.BlockKit;
using CoachLoop.Bot.Outbox;
using CoachLoop.Data;
using CoachLoop.Data.Outbox;
using CoachLoop.Data.Records;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// The outbox's Slack sender: <see href="https://api.slack.com/methods/chat.postMessage">chat.postMessage</see> for a new card,
/// <see href="https://api.slack.com/methods/chat.update">chat.update</see> for a card that changed. A person's DM
/// (<c>user:U…</c>) is opened with conversations.open first and remembered as their route. 429 and outages are retried
/// (after Slack's Retry-After when it gave one); errors that cannot succeed are dead-lettered with Slack's reason.
/// </summary>
public sealed class SlackCardSender(SlackApiClient slack, CoachLoopDbContext db, TimeProvider clock) : ICardSender
{
    public string Channel => ChatIdentity.Slack;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var rendered = BlockKitRenderer.Render(message.Card);
        if (message.MessageRef is not null)
        {
            if (!SlackMessageRef.TryParse(message.MessageRef, out var where))
            {
                return SendResult.Permanent($"not a Slack message reference: '{message.MessageRef}'");
            }

            var updated = await slack.UpdateAsync(where.Channel, where.Ts, rendered.Text, rendered.Blocks, ct).ConfigureAwait(false);
            return updated.Ok ? SendResult.Sent(message.MessageRef) : Failure("chat.update", updated);
        }

        var channel = message.ConversationId;
        if (channel.StartsWith(RoutedConversations.UserPrefix, StringComparison.Ordinal))
        {
            var userId = channel[RoutedConversations.UserPrefix.Length..];
            var opened = await slack.OpenConversationAsync(userId, ct).ConfigureAwait(false);
            if (!opened.Ok || opened.Get("channel.id") is not { } dm)
            {
                return Failure("conversations.open", opened);
            }

            await RememberDirectAsync(userId, dm, ct).ConfigureAwait(false);
            channel = dm;
        }

        var posted = await slack.PostMessageAsync(channel, rendered.Text, rendered.Blocks, ct).ConfigureAwait(false);
        return posted.Ok && posted.Get("ts") is { } ts
            ? SendResult.Sent(new SlackMessageRef(posted.Get("channel") ?? channel, ts).ToString())
            : Failure("chat.postMessage", posted);
    }

    private static SendResult Failure(string method, SlackApiResponse response) =>
        response.Transient
            ? SendResult.Retry($"slack {method}: {response.Describe()}", response.RetryAfter)
            : SendResult.Permanent($"slack {method}: {response.Describe()}");

    /// <summary>Stores the DM's channel id as the person's route so later cards skip conversations.open.</summary>
    private async Task RememberDirectAsync(string userId, string dm, CancellationToken ct)
    {
        var identity = await db.ChatIdentities.AsNoTracking().FirstOrDefaultAsync(c => c.Provider == Channel && c.ExternalUserId == userId, ct)
            .ConfigureAwait(false);
        if (identity is null || await db.ChannelRoutes.AnyAsync(r => r.Channel == Channel && r.RouteKind == ChannelRoute.PersonRoute
                && r.SubjectId == identity.PersonId, ct).ConfigureAwait(false))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var route = db.ChannelRoutes.Add(new ChannelRoute
        {
            Id = Guid.CreateVersion7(now),
            Channel = Channel,
            RouteKind = ChannelRoute.PersonRoute,
            SubjectId = identity.PersonId,
            Tenant = identity.Tenant,
            ConversationId = dm,
            CreatedAt = now,
            UpdatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another card to the same person opened the DM at the same moment and stored the route first: theirs stands.
            route.State = EntityState.Detached;
        }
    }
}
