using System.Text.Json;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Channels.Teams.Connector;
using CoachLoop.Bot.Channels.Teams.Protocol;
using CoachLoop.Bot.Outbox;
using CoachLoop.Data;
using CoachLoop.Data.Outbox;
using CoachLoop.Data.Records;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Channels.Teams;

/// <summary>
/// The outbox's Teams sender: posts a card (<c>POST /v3/conversations/{id}/activities</c>) or replaces it
/// (<c>PUT .../activities/{activityId}</c>). A person's direct conversation starts as <c>user:{aadObjectId}</c>: the 1:1 chat is
/// opened on first use by <see cref="TeamsDirectChats"/>. The shared message shows buttons only to whoever the conversation belongs
/// to when they may use them; the people who may act are named in the card's per-user refresh and get their own view.
/// 429/412/5xx are retried (after Retry-After when given), other 4xx dead-lettered.
/// </summary>
public sealed class TeamsCardSender(
    CoachLoopDbContext db, BotConnectorClient connector, ConversationThrottle throttle, TeamsDirectChats directChats, TeamsViewers viewers,
    TeamsIdentities identities) : ICardSender
{
    /// <summary>At most this many unknown <c>29:</c> ids are looked up in the roster per card, to stay well inside Teams' member-call limits.</summary>
    public const int MaxRosterLookups = 10;

    public string Channel => ChatIdentity.Teams;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var target = message.ConversationId.StartsWith(RoutedConversations.UserPrefix, StringComparison.Ordinal)
            ? await directChats.OpenAsync(message.ConversationId[RoutedConversations.UserPrefix.Length..], ct).ConfigureAwait(false)
            : await RouteAsync(message.ConversationId, ct).ConfigureAwait(false);
        if (target.Failure is { } failure)
        {
            return failure;
        }

        if (throttle.TryTake(target.ConversationId!, target.Tenant) is { } wait)
        {
            return SendResult.Retry("Teams per-conversation limit reached (throttled locally)", wait);
        }

        var viewer = target.Viewer is { } id ? await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct).ConfigureAwait(false) : null;
        var card = await viewers.ForViewerAsync(message.Card, viewer, ct).ConfigureAwait(false);
        var userIds = await RefreshUserIdsAsync(message.Card, target, ct).ConfigureAwait(false);
        var result = message.MessageRef is null
            ? await connector.SendAsync(target.ServiceUrl!, target.ConversationId!, TeamsCards.Message(card, target.Personal, null, userIds), ct).ConfigureAwait(false)
            : await connector.UpdateAsync(target.ServiceUrl!, target.ConversationId!, message.MessageRef,
                TeamsCards.Message(card, false, message.MessageRef, userIds), ct).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            if (target.Personal && result.ErrorCode is "ConversationBlockedByUser" or "BotNotInConversationRoster" or "ConversationNotFound")
            {
                // The stored 1:1 chat is dead: forget it, so a later card opens a new one once the user lets the bot back in.
                await db.ChannelRoutes.Where(r => r.Channel == ChatIdentity.Teams && r.RouteKind == ChannelRoute.PersonRoute
                    && r.ConversationId == target.ConversationId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            }

            return result.Transient ? SendResult.Retry(result.Describe(), result.RetryAfter) : SendResult.Permanent(result.Describe());
        }

        var reference = message.MessageRef ?? JsonSerializer.Deserialize<ResourceResponse>(result.Body, TeamsJson.Options)?.Id;
        // Without the new activity's id the card could never be updated in place: better a visible dead letter than a silent one.
        return string.IsNullOrEmpty(reference) ? SendResult.Permanent("the connector accepted the post but returned no activity id") : SendResult.Sent(reference);
    }

    /// <summary>
    /// The <c>29:</c> ids of the people who may act on the card. Someone known only by Entra object id is looked up in the target
    /// conversation's roster (Teams accepts the object id as member id) and remembered, so the lookup happens once per person.
    /// </summary>
    private async Task<IReadOnlyList<string>> RefreshUserIdsAsync(Card card, TeamsTarget target, CancellationToken ct)
    {
        var userIds = new List<string>();
        var lookups = 0;
        foreach (var (_, aad, known) in await viewers.ActorsAsync(card, ct).ConfigureAwait(false))
        {
            var userId = known;
            if (userId is null && lookups++ < MaxRosterLookups)
            {
                var answer = await connector.GetMemberAsync(target.ServiceUrl!, target.ConversationId!, aad, ct).ConfigureAwait(false);
                userId = answer.Succeeded ? JsonSerializer.Deserialize<TeamsChannelAccount>(answer.Body, TeamsJson.Options)?.Id : null;
                if (userId?.StartsWith(TeamsIdentities.UserIdPrefix, StringComparison.Ordinal) == true)
                {
                    if (target.Tenant.Length > 0)
                    {
                        // On the roster of a conversation in that tenant: Teams confirms where the person belongs.
                        await identities.ConfirmTenantAsync(target.Tenant, aad, ct).ConfigureAwait(false);
                    }

                    await identities.RememberUserIdAsync(target.Tenant, aad, userId, ct).ConfigureAwait(false);
                }
                else
                {
                    userId = null;
                }
            }

            if (userId is not null)
            {
                userIds.Add(userId);
            }
        }

        return userIds;
    }

    private async Task<TeamsTarget> RouteAsync(string conversationId, CancellationToken ct)
    {
        var route = await db.ChannelRoutes.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Channel == ChatIdentity.Teams && r.ConversationId == conversationId && r.ServiceUrl != null, ct).ConfigureAwait(false);
        if (route is null)
        {
            return TeamsTarget.Fail(SendResult.Permanent($"no Teams service URL is known for conversation {conversationId}"));
        }

        return route.RouteKind == ChannelRoute.PersonRoute ? TeamsTarget.Person(route, route.SubjectId)
            : new TeamsTarget(route.ConversationId, route.ServiceUrl, false, null, route.Tenant);
    }

    internal static string BotId(TeamsOptions options) => $"28:{options.AppId ?? "coachloop-dev"}";
}
