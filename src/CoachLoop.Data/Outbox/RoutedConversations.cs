using CoachLoop.Data.Records;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Outbox;

/// <summary>
/// Conversations of a chat that is installed somewhere (Slack, Teams): a team's manager channel is the
/// route an admin linked; a person's direct conversation is the stored route, or else a placeholder
/// <c>user:{chat user id}</c> that the channel's sender opens on first use (or, for a channel that can find people by email,
/// <c>person:{id}</c> until it has). Nothing goes to a tenant
/// whose installation was removed.
/// </summary>
public sealed class RoutedConversations(string channel, CoachLoopDbContext db) : IConversationRouter
{
    public const string UserPrefix = "user:";

    /// <summary>A person whose chat identity is not known yet: the channel's sender finds them when it delivers.</summary>
    public const string PersonPrefix = "person:";

    public static string Person(Guid personId) => PersonPrefix + personId.ToString("N");

    public static bool IsPerson(string conversation) => conversation.StartsWith(PersonPrefix, StringComparison.Ordinal);

    public static Guid? PersonOf(string conversation) =>
        IsPerson(conversation) && Guid.TryParse(conversation.AsSpan(PersonPrefix.Length), out var id) ? id : null;

    public string Channel => channel;

    public async Task<IReadOnlyList<string>> ManagerConversationsAsync(Guid teamId, CancellationToken ct)
    {
        var routes = await db.ChannelRoutes.AsNoTracking()
            .Where(r => r.Channel == channel && r.RouteKind == ChannelRoute.TeamRoute && r.SubjectId == teamId)
            .ToListAsync(ct).ConfigureAwait(false);
        var live = new List<string>();
        foreach (var route in routes)
        {
            if (await ActiveAsync(route.Tenant, ct).ConfigureAwait(false))
            {
                live.Add(route.ConversationId);
            }
        }

        return live;
    }

    public async Task<string?> DirectConversationAsync(Guid personId, CancellationToken ct)
    {
        var route = await db.ChannelRoutes.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Channel == channel && r.RouteKind == ChannelRoute.PersonRoute && r.SubjectId == personId, ct)
            .ConfigureAwait(false);
        if (route is not null)
        {
            return await ActiveAsync(route.Tenant, ct).ConfigureAwait(false) ? route.ConversationId : null;
        }

        var identity = await db.ChatIdentities.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Provider == channel && c.PersonId == personId, ct).ConfigureAwait(false);
        return identity is null || !await ActiveAsync(identity.Tenant, ct).ConfigureAwait(false)
            ? null
            : UserPrefix + identity.ExternalUserId;
    }

    /// <summary>A tenant counts as active unless its only installations were removed (an unknown tenant is not blocked).</summary>
    private async Task<bool> ActiveAsync(string tenant, CancellationToken ct)
    {
        var installs = await db.ChannelInstallations.AsNoTracking()
            .Where(i => i.Channel == channel && (tenant == "" || i.Tenant == tenant))
            .Select(i => i.Active).ToListAsync(ct).ConfigureAwait(false);
        return installs.Count == 0 || installs.Any(a => a);
    }
}
