using CoachLoop.Data;
using CoachLoop.Data.Outbox;
using CoachLoop.Data.Records;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Channels.Slack.Installs;

/// <summary>
/// The one place that answers "which installation, with which token": every inbound path (by the key of the request,
/// <see cref="SlackInstallKey"/>) and every outbox send (by the tenant of the route or chat identity the conversation belongs
/// to). An installation stored by the OAuth flow wins; otherwise the configured <c>Slack:BotToken</c> serves as the one
/// workspace it always was; otherwise, for a conversation whose tenant nobody recorded (an empty key) and only then, the one
/// active installation when there is exactly one. Without
/// OAuth installs configured (no client id and secret) no installation can be stored, so the configured token answers at once,
/// without a query: a single-workspace deployment costs no more SQL per click or send than it did.
/// </summary>
public sealed class SlackInstallations(CoachLoopDbContext db, SlackTokenVault vault, IOptions<SlackOptions> options)
{
    /// <summary>The installation with <paramref name="key"/>, or null when none can serve it.</summary>
    public async Task<SlackWorkspace?> ForKeyAsync(string key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (SingleToken is { } only)
        {
            return new SlackWorkspace(key, only);
        }

        if (key.Length > 0 && await db.SlackInstallations.AsNoTracking().FirstOrDefaultAsync(i => i.InstallKey == key, ct).ConfigureAwait(false)
            is { } stored)
        {
            return From(stored);
        }

        if (options.Value.BotToken is { Length: > 0 } configured)
        {
            // The operator's own workspace, configured by hand: the single-token deployment it always was.
            return new SlackWorkspace(key, configured);
        }

        if (key.Length > 0)
        {
            // A workspace or org that never installed (or whose row is gone): no other installation's token may serve it, or
            // one client's coaching cards could be posted into another client's workspace.
            return null;
        }

        var active = await db.SlackInstallations.AsNoTracking().Where(i => i.RevokedAt == null).Take(2).ToListAsync(ct).ConfigureAwait(false);
        return active.Count == 1 ? From(active[0]) : null;
    }

    /// <summary>
    /// The installation a card's conversation belongs to: a linked channel or a stored DM by its route's tenant, <c>user:U…</c>
    /// by that chat identity's tenant, <c>person:{id}</c> by the workspace the person's team is linked in.
    /// </summary>
    public async Task<SlackWorkspace?> ForConversationAsync(string conversation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (SingleToken is { } only)
        {
            return new SlackWorkspace("", only);
        }

        string? tenant;
        if (conversation.StartsWith(RoutedConversations.UserPrefix, StringComparison.Ordinal))
        {
            var userId = conversation[RoutedConversations.UserPrefix.Length..];
            tenant = await db.ChatIdentities.AsNoTracking().Where(c => c.Provider == ChatIdentity.Slack && c.ExternalUserId == userId)
                .Select(c => c.Tenant).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        }
        else if (RoutedConversations.PersonOf(conversation) is { } personId)
        {
            tenant = await TenantOfPersonAsync(personId, ct).ConfigureAwait(false);
        }
        else
        {
            tenant = await db.ChannelRoutes.AsNoTracking().Where(r => r.Channel == ChatIdentity.Slack && r.ConversationId == conversation)
                .Select(r => r.Tenant).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        }

        return await ForKeyAsync(tenant ?? "", ct).ConfigureAwait(false);
    }

    /// <summary>The tenant of the channel the person's team is linked to in Slack ("" when it is not linked).</summary>
    public async Task<string> TenantOfPersonAsync(Guid personId, CancellationToken ct)
    {
        var teamId = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.TeamId).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return teamId is null
            ? ""
            : await db.ChannelRoutes.AsNoTracking()
                .Where(r => r.Channel == ChatIdentity.Slack && r.RouteKind == ChannelRoute.TeamRoute && r.SubjectId == teamId)
                .Select(r => r.Tenant).FirstOrDefaultAsync(ct).ConfigureAwait(false) ?? "";
    }

    /// <summary>Whether installations from the OAuth flow may serve several workspaces (installs are on).</summary>
    public bool ManyWorkspaces => SingleToken is null;

    /// <summary>The configured bot token when it is the only way to a token (installs are off).</summary>
    private string? SingleToken => options.Value is { OAuthEnabled: false, BotToken: { Length: > 0 } token } ? token : null;

    private SlackWorkspace From(SlackInstallation stored) =>
        stored.RevokedAt is null
            ? new SlackWorkspace(stored.InstallKey, vault.Unprotect(stored.ProtectedBotToken))
            : new SlackWorkspace(stored.InstallKey, "", stored.RevokedReason ?? "revoked");
}
