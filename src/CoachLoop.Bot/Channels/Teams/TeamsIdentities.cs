using CoachLoop.Bot.Channels.Teams.Protocol;
using CoachLoop.Data;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Channels.Teams;

/// <summary>
/// What Teams tells the bot about people it already knows: their tenant and their <c>29:</c> user id. Identities imported from the
/// directory carry only the Entra object id; creating a 1:1 chat needs the tenant (Teams refuses a conversation without one) and a
/// card's per-user refresh needs the <c>29:</c> id. Both are learned from every authenticated activity (and the tenant from a roster
/// answer). A single install (or <c>Teams:TenantId</c>) is only a guess for opening a chat: it is never stored, because someone may
/// belong to a tenant that installs the app later.
/// </summary>
public sealed class TeamsIdentities(CoachLoopDbContext db, IOptions<TeamsOptions> options)
{
    /// <summary>Teams user ids (MRIs) of people start with this; bots are <c>28:</c>.</summary>
    public const string UserIdPrefix = "29:";

    /// <summary>Records the sender's tenant and <c>29:</c> id on their identity (if CoachLoop knows them by Entra object id).</summary>
    public async Task LearnAsync(Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.From?.AadObjectId is not { Length: > 0 } aad)
        {
            return;
        }

        var tenant = activity.Tenant;
        var userId = activity.From.Id is { } id && id.StartsWith(UserIdPrefix, StringComparison.Ordinal) ? id : null;
        // Usually both are known already: one read says so, and the two updates run only when something is to learn.
        if (!await HasNewsAsync(tenant, aad, userId, ct).ConfigureAwait(false))
        {
            return;
        }

        if (tenant.Length > 0)
        {
            await ConfirmTenantAsync(tenant, aad, ct).ConfigureAwait(false);
        }

        if (userId is not null)
        {
            await RememberUserIdAsync(tenant, aad, userId, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Whether <see cref="ConfirmTenantAsync"/> or <see cref="RememberUserIdAsync"/> would change a row (the same conditions).</summary>
    private Task<bool> HasNewsAsync(string tenant, string aad, string? userId, CancellationToken ct)
    {
        // Plain locals only inside the query (see CardAudience.ScopeAsync).
        var (hasTenant, hasUserId, identities) = (tenant.Length > 0, userId is not null, db.ChatIdentities);
        return identities.AnyAsync(c => c.Provider == ChatIdentity.Teams && c.ExternalUserId == aad
            && ((hasTenant && c.Tenant != tenant
                    && !identities.Any(o => o.Provider == ChatIdentity.Teams && o.Tenant == tenant && o.ExternalUserId == c.ExternalUserId))
                || (hasUserId && (c.Tenant == tenant || c.Tenant == "") && (c.ChannelUserId == null || c.ChannelUserId != userId))), ct);
    }

    public Task<int> RememberUserIdAsync(string tenant, string aad, string userId, CancellationToken ct) =>
        db.ChatIdentities.Where(c => c.Provider == ChatIdentity.Teams && c.ExternalUserId == aad && (c.Tenant == tenant || c.Tenant == "")
                && (c.ChannelUserId == null || c.ChannelUserId != userId))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ChannelUserId, userId), ct);

    /// <summary>
    /// The tenant of someone whose identity does not say: the configured tenant of a single-tenant bot, else the one tenant the app is
    /// installed in. Empty when that is not known (no install yet, or several tenants): then nobody may guess.
    /// </summary>
    public async Task<string> OnlyTenantAsync(CancellationToken ct)
    {
        if (options.Value.TenantId is { Length: > 0 } configured)
        {
            return configured;
        }

        var tenants = await db.ChannelInstallations.AsNoTracking().Where(i => i.Channel == ChatIdentity.Teams && i.Active && i.Tenant != "")
            .Select(i => i.Tenant).Distinct().Take(2).ToListAsync(ct).ConfigureAwait(false);
        return tenants.Count == 1 ? tenants[0] : "";
    }

    /// <summary>
    /// The person's tenant as Teams just said it (their own activity, or the roster of a conversation in that tenant): stored, and it
    /// replaces any other, since an Entra object id belongs to one tenant (an older version stored guesses from a single install).
    /// </summary>
    public Task<int> ConfirmTenantAsync(string tenant, string aad, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenant);
        ArgumentException.ThrowIfNullOrEmpty(aad);
        // Skips anyone who already has an identity in that tenant: the unique (provider, tenant, user) key must hold.
        // Plain locals only inside the query (see CardAudience.ScopeAsync).
        var identities = db.ChatIdentities;
        return identities.Where(c => c.Provider == ChatIdentity.Teams && c.ExternalUserId == aad && c.Tenant != tenant
                && !identities.Any(o => o.Provider == ChatIdentity.Teams && o.Tenant == tenant && o.ExternalUserId == c.ExternalUserId))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Tenant, tenant), ct);
    }
}
