using CoachLoop.Data;
using CoachLoop.Data.Outbox;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// Where Slack cards go: the routes of <see cref="RoutedConversations"/> (a team's linked manager channel, a person's stored
/// DM), and for a person Slack has not been told about yet, <c>user:{id}</c> after finding them by email. The sender opens
/// that DM on first use.
/// </summary>
public sealed class SlackConversations(CoachLoopDbContext db, SlackPeople people) : IConversationRouter
{
    private readonly RoutedConversations _routes = new(ChatIdentity.Slack, db);

    public string Channel => ChatIdentity.Slack;

    public Task<IReadOnlyList<string>> ManagerConversationsAsync(Guid teamId, CancellationToken ct) => _routes.ManagerConversationsAsync(teamId, ct);

    public async Task<string?> DirectConversationAsync(Guid personId, CancellationToken ct)
    {
        if (await _routes.DirectConversationAsync(personId, ct).ConfigureAwait(false) is { } known)
        {
            return known;
        }

        var linked = await db.ChatIdentities.AsNoTracking().AnyAsync(c => c.Provider == ChatIdentity.Slack && c.PersonId == personId, ct)
            .ConfigureAwait(false);
        var installs = await db.ChannelInstallations.AsNoTracking().Where(i => i.Channel == ChatIdentity.Slack).Select(i => i.Active)
            .ToListAsync(ct).ConfigureAwait(false);
        if (linked || (installs.Count > 0 && !installs.Any(a => a)))
        {
            // Linked but routed nowhere means the workspace was uninstalled: nothing goes there.
            return null;
        }

        return await people.LinkByEmailAsync(personId, ct).ConfigureAwait(false) is { } userId ? RoutedConversations.UserPrefix + userId : null;
    }
}
