using CoachLoop.Bot.Channels.Slack.Installs;
using CoachLoop.Bot.Outbox;
using CoachLoop.Data;
using CoachLoop.Data.Outbox;
using CoachLoop.Data.Records;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// Resolves who receives a direct card, as part of delivery: a person not known to Slack yet (<c>person:{id}</c>) is found by
/// email with <see href="https://api.slack.com/methods/users.lookupByEmail">users.lookupByEmail</see> and remembered as a
/// <see cref="ChatIdentity"/>; their DM is opened with conversations.open once and remembered as their route. Each step that
/// fails comes back as a <see cref="SendResult"/>, so the outbox retries it (Retry-After honoured) or dead-letters it with
/// Slack's reason; nothing is dropped silently. Chat identities and DMs are per installation: the same email may be a different
/// Slack user in each workspace, so the lookup goes to the installation the card is for and is remembered under its key.
/// </summary>
public sealed class SlackRecipients(CoachLoopDbContext db, SlackApiClient slack, SlackLookups lookups, TimeProvider clock)
{
    /// <summary>The DM channel of a person placeholder (<c>person:</c> or <c>user:</c>), or why it cannot be had now.</summary>
    public async Task<(string? Channel, SendResult? Failure)> DirectAsync(string conversation, SlackWorkspace workspace, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(workspace);
        string? userId = null;
        var tenant = "";
        var personId = RoutedConversations.PersonOf(conversation);
        if (conversation.StartsWith(RoutedConversations.UserPrefix, StringComparison.Ordinal))
        {
            userId = conversation[RoutedConversations.UserPrefix.Length..];
            var identity = await IdentityAsync(c => c.ExternalUserId == userId, ct).ConfigureAwait(false);
            (personId, tenant) = (identity?.PersonId, identity?.Tenant ?? "");
        }
        else if (personId is null)
        {
            return (null, SendResult.Permanent($"not a Slack recipient: '{conversation}'"));
        }

        if (personId is { } person && await RouteAsync(person, workspace.Key, ct).ConfigureAwait(false) is { } stored)
        {
            return (stored, null); // opened before (by an earlier card or an earlier attempt of this one)
        }

        if (userId is null && personId is { } unresolved)
        {
            var key = workspace.Key;
            var identity = await IdentityAsync(c => c.PersonId == unresolved && (key == "" || c.Tenant == key), ct).ConfigureAwait(false);
            var found = identity is null ? await LookupAsync(unresolved, workspace, ct).ConfigureAwait(false) : (identity.ExternalUserId, identity.Tenant, null);
            if (found.Failure is not null)
            {
                return (null, found.Failure);
            }

            (userId, tenant) = (found.UserId!, found.Tenant);
        }

        var opened = await slack.OpenConversationAsync(workspace.Token, userId!, ct).ConfigureAwait(false);
        if (!opened.Ok || opened.Get("channel.id") is not { } dm)
        {
            return (null, SlackCardSender.Failure("conversations.open", opened));
        }

        if (personId is { } owner)
        {
            await SaveAsync(db.ChannelRoutes.Add(NewRoute(owner, tenant, dm)).Entity, ct).ConfigureAwait(false);
        }

        return (dm, null);
    }

    private async Task<(string? UserId, string Tenant, SendResult? Failure)> LookupAsync(Guid personId, SlackWorkspace workspace, CancellationToken ct)
    {
        var email = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.Email).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (string.IsNullOrEmpty(email))
        {
            return (null, "", SendResult.Permanent($"person {personId} has no email to find them in Slack by"));
        }

        var found = await lookups.LookupAsync(workspace.Key, email, () => slack.LookupByEmailAsync(workspace.Token, email, ct)).ConfigureAwait(false);
        if (!found.Ok || found.Get("user.id") is not { } userId)
        {
            return (null, "", SlackCardSender.Failure("users.lookupByEmail", found));
        }

        // Stored under the installation it was found in (for an org-wide install, the org), so the next card there finds it.
        var tenant = workspace.Key.Length > 0 ? workspace.Key : found.Get("user.team_id") ?? "";
        await SaveAsync(db.ChatIdentities.Add(ChatIdentity.Create(personId, ChatIdentity.Slack, tenant, userId, clock.GetUtcNow())).Entity, ct)
            .ConfigureAwait(false);
        return (userId, tenant, null);
    }

    private Task<ChatIdentity?> IdentityAsync(System.Linq.Expressions.Expression<Func<ChatIdentity, bool>> match, CancellationToken ct) =>
        db.ChatIdentities.AsNoTracking().Where(c => c.Provider == ChatIdentity.Slack).FirstOrDefaultAsync(match, ct);

    /// <summary>The person's stored DM in this installation: a DM opened in another workspace is not a channel this token can post to.</summary>
    private Task<string?> RouteAsync(Guid personId, string key, CancellationToken ct) =>
        db.ChannelRoutes.AsNoTracking().Where(r => r.Channel == ChatIdentity.Slack && r.RouteKind == ChannelRoute.PersonRoute && r.SubjectId == personId
                && (key == "" || r.Tenant == key))
            .Select(r => r.ConversationId).FirstOrDefaultAsync(ct);

    private ChannelRoute NewRoute(Guid personId, string tenant, string dm)
    {
        var now = clock.GetUtcNow();
        return new ChannelRoute
        {
            Id = Guid.CreateVersion7(now), Channel = ChatIdentity.Slack, RouteKind = ChannelRoute.PersonRoute, SubjectId = personId, Tenant = tenant,
            ConversationId = dm, CreatedAt = now, UpdatedAt = now,
        };
    }

    /// <summary>Saves what was learnt; when another lane stored the same identity or route a moment earlier, theirs stands.</summary>
    private async Task SaveAsync(object added, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            db.Entry(added).State = EntityState.Detached;
        }
    }
}
