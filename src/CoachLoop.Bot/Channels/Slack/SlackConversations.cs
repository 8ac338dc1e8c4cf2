using CoachLoop.Data;
using CoachLoop.Data.Outbox;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// Where Slack cards go: the routes of <see cref="RoutedConversations"/> (a team's linked manager channel, a person's stored
/// DM), and for a person Slack has not been asked about yet, <c>person:{id}</c>. Nothing here calls Slack: finding the person
/// and opening their DM is part of delivery (<see cref="SlackRecipients"/>), retried and visible like any send.
/// </summary>
public sealed class SlackConversations(CoachLoopDbContext db) : IConversationRouter
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

        var hasEmail = await db.People.AsNoTracking().AnyAsync(p => p.Id == personId && p.Email != "", ct).ConfigureAwait(false);
        return hasEmail ? RoutedConversations.Person(personId) : null;
    }
}
