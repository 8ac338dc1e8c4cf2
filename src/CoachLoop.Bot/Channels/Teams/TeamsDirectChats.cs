using System.Text.Json;
using CoachLoop.Bot.Channels.Teams.Connector;
using CoachLoop.Bot.Channels.Teams.Protocol;
using CoachLoop.Bot.Outbox;
using CoachLoop.Data;
using CoachLoop.Data.Records;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Channels.Teams;

/// <summary>
/// A person's 1:1 chat with the bot, created once (<c>POST /v3/conversations</c>) and stored as their route. Within a host a
/// per-person gate lets one delivery create it while the others wait and reuse it; across hosts the route's unique key decides:
/// a host that loses the race reads the winner's row (Teams answers the same chat to both) instead of failing. The create call
/// always names the tenant; when it is not known the card is dead-lettered with the reason rather than sent with an empty one.
/// </summary>
public sealed class TeamsDirectChats(
    CoachLoopDbContext db, BotConnectorClient connector, TeamsIdentities identities, DirectChatLocks locks, IServiceScopeFactory scopes,
    IOptions<TeamsOptions> options, TimeProvider clock)
{
    public async Task<TeamsTarget> OpenAsync(string aadObjectId, CancellationToken ct)
    {
        var identity = await db.ChatIdentities.AsNoTracking()
            .Where(c => c.Provider == ChatIdentity.Teams && c.ExternalUserId == aadObjectId)
            .OrderByDescending(c => c.Tenant != "").FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (identity is null)
        {
            return TeamsTarget.Fail(SendResult.Permanent($"no Teams identity {aadObjectId}"));
        }

        using var gate = await locks.EnterAsync(identity.PersonId, ct).ConfigureAwait(false);
        if (await StoredAsync(db, identity.PersonId, ct).ConfigureAwait(false) is { ServiceUrl: not null } route)
        {
            return TeamsTarget.Person(route, identity.PersonId);
        }

        var tenant = identity.Tenant.Length > 0 ? identity.Tenant : await identities.OnlyTenantAsync(ct).ConfigureAwait(false);
        if (tenant.Length == 0)
        {
            return TeamsTarget.Fail(SendResult.Permanent(
                $"the Teams tenant of {aadObjectId} is not known, and Teams cannot open a chat without one: install the app in the tenant, " +
                "have the person message the bot once, or set Teams:TenantId for a single-tenant bot"));
        }

        // A guessed tenant (the single install) is used for this call only, not stored: the person's own activity will say.
        var serviceUrl = await db.ChannelRoutes.AsNoTracking()
            .Where(r => r.Channel == ChatIdentity.Teams && r.Tenant == tenant && r.ServiceUrl != null)
            .Select(r => r.ServiceUrl).FirstOrDefaultAsync(ct).ConfigureAwait(false) ?? options.Value.DefaultServiceUrl;
        var created = await connector.CreateConversationAsync(serviceUrl, new ConversationParameters(false,
            new ChannelAccount(TeamsCardSender.BotId(options.Value)), [new ChannelAccount(aadObjectId)], tenant,
            new TeamsChannelData { Tenant = new TeamsEntity(tenant) }), ct).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            return TeamsTarget.Fail(created.Transient ? SendResult.Retry(created.Describe(), created.RetryAfter) : SendResult.Permanent(created.Describe()));
        }

        var answer = JsonSerializer.Deserialize<ResourceResponse>(created.Body, TeamsJson.Options);
        if (string.IsNullOrEmpty(answer?.Id))
        {
            return TeamsTarget.Fail(SendResult.Retry("create conversation returned no id"));
        }

        var now = clock.GetUtcNow();
        var stored = await InsertOrReadAsync(new ChannelRoute
        {
            Id = Guid.CreateVersion7(now), Channel = ChatIdentity.Teams, RouteKind = ChannelRoute.PersonRoute, SubjectId = identity.PersonId,
            ConversationId = answer.Id, Tenant = tenant, ServiceUrl = answer.ServiceUrl ?? serviceUrl, CreatedAt = now, UpdatedAt = now,
        }, ct).ConfigureAwait(false);
        return TeamsTarget.Person(stored, identity.PersonId);
    }

    private static Task<ChannelRoute?> StoredAsync(CoachLoopDbContext context, Guid personId, CancellationToken ct) =>
        context.ChannelRoutes.AsNoTracking().FirstOrDefaultAsync(r => r.Channel == ChatIdentity.Teams && r.RouteKind == ChannelRoute.PersonRoute
            && r.SubjectId == personId, ct);

    /// <summary>
    /// Inserts the route in a context of its own (a failed insert must not poison the delivery's context and its outcome), or,
    /// when another host stored one first, returns that one.
    /// </summary>
    private async Task<ChannelRoute> InsertOrReadAsync(ChannelRoute route, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<CoachLoopDbContext>();
        var existing = await StoredAsync(own, route.SubjectId, ct).ConfigureAwait(false);
        if (existing is null)
        {
            own.ChannelRoutes.Add(route);
            try
            {
                await own.SaveChangesAsync(ct).ConfigureAwait(false);
                return route;
            }
            catch (DbUpdateException)
            {
                own.ChangeTracker.Clear();
                existing = await StoredAsync(own, route.SubjectId, ct).ConfigureAwait(false) ?? throw new InvalidOperationException(
                    "storing the 1:1 chat failed and no stored chat exists");
            }
        }

        if (existing.ServiceUrl is null)
        {
            // A row without a service URL cannot be posted to: it takes the chat just created.
            await own.ChannelRoutes.Where(r => r.Id == existing.Id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.ConversationId, route.ConversationId).SetProperty(r => r.ServiceUrl, route.ServiceUrl)
                .SetProperty(r => r.Tenant, route.Tenant).SetProperty(r => r.UpdatedAt, route.UpdatedAt), ct).ConfigureAwait(false);
            return route;
        }

        return existing;
    }
}
