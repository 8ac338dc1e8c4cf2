using CoachLoop.Bot.Channels.Teams.Protocol;
using CoachLoop.Data;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Channels.Teams;

/// <summary>
/// What Teams tells the bot about people it already knows: their tenant and their <c>29:</c> user id. Identities imported from the
/// directory carry only the Entra object id; creating a 1:1 chat needs the tenant (Teams refuses a conversation without one) and a
/// card's per-user refresh needs the <c>29:</c> id. Both are learned from every authenticated activity, and the tenant also from
/// installs: a bot installed in a single tenant knows that everyone it was given belongs to it.
/// </summary>
public sealed class TeamsIdentities(CoachLoopDbContext db, IOptions<TeamsOptions> options)
{
    /// <summary>Teams user ids (MRIs) of people start with this; bots are <c>28:</c>.</summary>
    public const string UserIdPrefix = "29:";

    /// <summary>Records the sender's tenant and <c>29:</c> id on their identity (if CoachLoop knows them by Entra object id).</summary>
    public async Task LearnAsync(Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var tenant = activity.Tenant;
        if (tenant.Length > 0 && activity.Type is ActivityTypes.InstallationUpdate or ActivityTypes.ConversationUpdate)
        {
            await LearnTenantFromInstallAsync(tenant, ct).ConfigureAwait(false);
        }

        if (activity.From?.AadObjectId is not { Length: > 0 } aad)
        {
            return;
        }

        if (tenant.Length > 0)
        {
            await FillTenantAsync(tenant, aad, ct).ConfigureAwait(false);
        }

        if (activity.From.Id is { } userId && userId.StartsWith(UserIdPrefix, StringComparison.Ordinal))
        {
            await RememberUserIdAsync(tenant, aad, userId, ct).ConfigureAwait(false);
        }
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

    /// <summary>Gives identities without a tenant this one (just the one person when <paramref name="aad"/> is set).</summary>
    public Task<int> FillTenantAsync(string tenant, string? aad, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenant);
        // Skips anyone who already has an identity in that tenant: the unique (provider, tenant, user) key must hold.
        return db.ChatIdentities.Where(c => c.Provider == ChatIdentity.Teams && c.Tenant == "" && (aad == null || c.ExternalUserId == aad)
                && !db.ChatIdentities.Any(o => o.Provider == ChatIdentity.Teams && o.Tenant == tenant && o.ExternalUserId == c.ExternalUserId))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Tenant, tenant), ct);
    }

    private async Task LearnTenantFromInstallAsync(string tenant, CancellationToken ct)
    {
        if (await OnlyTenantAsync(ct).ConfigureAwait(false) == tenant)
        {
            await FillTenantAsync(tenant, null, ct).ConfigureAwait(false);
        }
    }
}
