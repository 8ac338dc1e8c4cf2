using System.Text.Json;
using CoachLoop.Bot.Channels.Teams.Connector;
using CoachLoop.Bot.Channels.Teams.Protocol;
using CoachLoop.Bot.Outbox;
using CoachLoop.Data;
using CoachLoop.Data.Outbox;
using CoachLoop.Data.Records;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Channels.Teams;

/// <summary>
/// The outbox's Teams sender: posts a card (<c>POST /v3/conversations/{id}/activities</c>) or replaces it
/// (<c>PUT .../activities/{activityId}</c>). A person's direct conversation starts as <c>user:{aadObjectId}</c>: the 1:1 chat is
/// created on first use and stored as their route. 429/412/5xx are retried (after Retry-After when given), other 4xx dead-lettered.
/// </summary>
public sealed class TeamsCardSender(
    CoachLoopDbContext db, BotConnectorClient connector, ConversationThrottle throttle, IOptions<TeamsOptions> options, TimeProvider clock) : ICardSender
{
    public string Channel => ChatIdentity.Teams;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var target = message.ConversationId.StartsWith(RoutedConversations.UserPrefix, StringComparison.Ordinal)
            ? await DirectAsync(message.ConversationId[RoutedConversations.UserPrefix.Length..], ct).ConfigureAwait(false)
            : await RouteAsync(message.ConversationId, ct).ConfigureAwait(false);
        if (target.Failure is { } failure)
        {
            return failure;
        }

        if (throttle.TryTake(target.ConversationId!, target.Tenant) is { } wait)
        {
            return SendResult.Retry("Teams per-conversation limit reached (throttled locally)", wait);
        }

        var result = message.MessageRef is null
            ? await connector.SendAsync(target.ServiceUrl!, target.ConversationId!, TeamsCards.Message(message.Card, target.Personal), ct).ConfigureAwait(false)
            : await connector.UpdateAsync(target.ServiceUrl!, target.ConversationId!, message.MessageRef,
                TeamsCards.Message(message.Card, false, message.MessageRef), ct).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            if (target.Personal && result.ErrorCode is "ConversationBlockedByUser" or "BotNotInConversationRoster" or "ConversationNotFound")
            {
                // The stored 1:1 chat is dead: forget it, so a later card opens a new one once the user lets the bot back in.
                await db.ChannelRoutes.Where(r => r.Channel == ChatIdentity.Teams && r.RouteKind == ChannelRoute.PersonRoute
                    && r.ConversationId == target.ConversationId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            }

            return ToFailure(result);
        }

        var reference = message.MessageRef ?? JsonSerializer.Deserialize<ResourceResponse>(result.Body, TeamsJson.Options)?.Id;
        // Without the new activity's id the card could never be updated in place: better a visible dead letter than a silent one.
        return string.IsNullOrEmpty(reference) ? SendResult.Permanent("the connector accepted the post but returned no activity id") : SendResult.Sent(reference);
    }

    private static SendResult ToFailure(ConnectorResult result) =>
        result.Transient ? SendResult.Retry(result.Describe(), result.RetryAfter) : SendResult.Permanent(result.Describe());

    private async Task<Target> RouteAsync(string conversationId, CancellationToken ct)
    {
        var route = await db.ChannelRoutes.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Channel == ChatIdentity.Teams && r.ConversationId == conversationId && r.ServiceUrl != null, ct).ConfigureAwait(false);
        return route is null
            ? Target.Fail(SendResult.Permanent($"no Teams service URL is known for conversation {conversationId}"))
            : new Target(route.ConversationId, route.ServiceUrl, route.RouteKind == ChannelRoute.PersonRoute, null, route.Tenant);
    }

    private async Task<Target> DirectAsync(string aadObjectId, CancellationToken ct)
    {
        var identity = await db.ChatIdentities.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Provider == ChatIdentity.Teams && c.ExternalUserId == aadObjectId, ct).ConfigureAwait(false);
        if (identity is null)
        {
            return Target.Fail(SendResult.Permanent($"no Teams identity {aadObjectId}"));
        }

        var route = await db.ChannelRoutes.FirstOrDefaultAsync(r => r.Channel == ChatIdentity.Teams && r.RouteKind == ChannelRoute.PersonRoute
            && r.SubjectId == identity.PersonId, ct).ConfigureAwait(false);
        if (route?.ServiceUrl is not null)
        {
            return new Target(route.ConversationId, route.ServiceUrl, true, null, route.Tenant);
        }

        var serviceUrl = await db.ChannelRoutes.AsNoTracking()
            .Where(r => r.Channel == ChatIdentity.Teams && r.Tenant == identity.Tenant && r.ServiceUrl != null)
            .Select(r => r.ServiceUrl).FirstOrDefaultAsync(ct).ConfigureAwait(false) ?? options.Value.DefaultServiceUrl;
        var tenant = identity.Tenant;
        var created = await connector.CreateConversationAsync(serviceUrl, new ConversationParameters(false, new ChannelAccount(BotId(options.Value)),
            [new ChannelAccount(aadObjectId)], tenant, new TeamsChannelData { Tenant = new TeamsEntity(tenant) }), ct).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            return Target.Fail(ToFailure(created));
        }

        var answer = JsonSerializer.Deserialize<ResourceResponse>(created.Body, TeamsJson.Options);
        if (string.IsNullOrEmpty(answer?.Id))
        {
            return Target.Fail(SendResult.Retry("create conversation returned no id"));
        }

        var now = clock.GetUtcNow();
        if (route is null)
        {
            route = new ChannelRoute { Id = Guid.CreateVersion7(now), Channel = ChatIdentity.Teams, RouteKind = ChannelRoute.PersonRoute, SubjectId = identity.PersonId, CreatedAt = now };
            db.ChannelRoutes.Add(route);
        }

        route.ConversationId = answer.Id;
        route.Tenant = tenant;
        route.ServiceUrl = answer.ServiceUrl ?? serviceUrl;
        route.UpdatedAt = now;
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new Target(route.ConversationId, route.ServiceUrl, true, null, tenant);
    }

    internal static string BotId(TeamsOptions options) => $"28:{options.AppId ?? "coachloop-dev"}";

    private sealed record Target(string? ConversationId, string? ServiceUrl, bool Personal, SendResult? Failure, string Tenant = "")
    {
        public static Target Fail(SendResult failure) => new(null, null, false, failure);
    }
}
