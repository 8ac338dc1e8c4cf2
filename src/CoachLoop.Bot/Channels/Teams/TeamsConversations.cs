using CoachLoop.Bot.Channels.Teams.Protocol;
using CoachLoop.Data;
using CoachLoop.Data.Records;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Channels.Teams;

/// <summary>
/// What the bot remembers about where it is: installations per tenant and team (active until removed), and the service URL of
/// every linked conversation, refreshed from authenticated activities ("stable but can change"; see <see cref="SeenServiceUrls"/>).
/// </summary>
public sealed class TeamsConversations(CoachLoopDbContext db, TimeProvider clock, SeenServiceUrls seen)
{
    // Whether any route of this conversation (its channel or the thread itself) holds another service URL.
    private static readonly CompiledQuery<Func<CoachLoopDbContext, string, string, string, Task<bool>>> HasStaleRoute = new(() => EF.CompileAsyncQuery(
        (CoachLoopDbContext db, string channel, string conversation, string url) => db.ChannelRoutes
            .Any(r => r.Channel == ChatIdentity.Teams && (r.ConversationId == channel || r.ConversationId == conversation) && r.ServiceUrl != url)));

    /// <summary>A channel conversation's root channel: a thread id is the channel id plus <c>;messageid=</c>.</summary>
    public static string ChannelOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var id = activity.ChannelData?.Channel?.Id ?? activity.Conversation?.Id ?? "";
        var cut = id.IndexOf(";messageid=", StringComparison.Ordinal);
        return cut < 0 ? id : id[..cut];
    }

    public static string ScopeOf(Activity activity) =>
        activity.ChannelData?.Team?.Id ?? (activity.Conversation?.ConversationType == "personal" ? $"personal:{activity.From?.AadObjectId ?? activity.From?.Id}" : activity.Conversation?.Id ?? "");

    public async Task RefreshServiceUrlAsync(Activity activity, CancellationToken ct)
    {
        if (activity.ServiceUrl is not { } url || activity.Conversation?.Id is null)
        {
            return;
        }

        // Most activities repeat the URL the routes already have: no UPDATE for them. Each card is a thread of its own (a click's
        // conversation id is the channel's plus ";messageid="), so the memory misses on the first click of every card: a read
        // finds whether anything is stale, and only then does an UPDATE take the database's one write lock.
        var key = activity.Conversation.Id;
        if (seen.IsCurrent(key, url))
        {
            return;
        }

        var channel = ChannelOf(activity);
        if (await HasStaleRoute.For(db)(db, channel, key, url).ConfigureAwait(false))
        {
            await db.ChannelRoutes.Where(r => r.Channel == ChatIdentity.Teams && (r.ConversationId == channel || r.ConversationId == key) && r.ServiceUrl != url)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ServiceUrl, url).SetProperty(r => r.UpdatedAt, clock.GetUtcNow()), ct).ConfigureAwait(false);
        }

        seen.Remember(key, url);
    }

    /// <returns>True when this made the app newly active there (a first install or a reinstall): the moment to say hello.</returns>
    public async Task<bool> SetInstalledAsync(Activity activity, bool active, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var tenant = activity.Tenant;
        var scope = ScopeOf(activity);
        var install = await db.ChannelInstallations
            .FirstOrDefaultAsync(i => i.Channel == ChatIdentity.Teams && i.Tenant == tenant && i.Scope == scope, ct).ConfigureAwait(false);
        if (install is null)
        {
            install = new ChannelInstallation { Id = Guid.CreateVersion7(now), Channel = ChatIdentity.Teams, Tenant = tenant, Scope = scope, InstalledAt = now };
            db.ChannelInstallations.Add(install);
        }

        var welcome = active && !install.Active;
        install.Active = active;
        install.RemovedAt = active ? null : now;
        if (active)
        {
            install.InstalledAt = now;
        }

        // The reference needed to post here proactively: the channel the installer picked and its service URL.
        install.Detail = $"{{\"conversationId\":\"{Escape(ChannelOf(activity))}\",\"serviceUrl\":\"{Escape(activity.ServiceUrl)}\"}}";
        if (!active)
        {
            // Forget the references into this team: nothing more is posted there until it is installed and linked again.
            var channel = ChannelOf(activity);
            var team = activity.ChannelData?.Team?.Id;
            var gone = await db.ChannelRoutes.Where(r => r.Channel == ChatIdentity.Teams && r.Tenant == tenant).ToListAsync(ct).ConfigureAwait(false);
            db.ChannelRoutes.RemoveRange(gone.Where(r => r.ConversationId == channel || (team is not null && r.ReferenceJson?.Contains(team, StringComparison.Ordinal) == true)));
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return welcome;
    }

    /// <summary>A personal install: the 1:1 chat already exists, so it becomes the person's route (no create call needed later).</summary>
    public async Task RememberPersonalChatAsync(Activity activity, Guid personId, CancellationToken ct)
    {
        if (activity.Conversation?.ConversationType != "personal" || activity.Conversation.Id is not { } conversationId)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var route = await db.ChannelRoutes.FirstOrDefaultAsync(r => r.Channel == ChatIdentity.Teams && r.RouteKind == ChannelRoute.PersonRoute
            && r.SubjectId == personId, ct).ConfigureAwait(false);
        if (route is null)
        {
            route = new ChannelRoute { Id = Guid.CreateVersion7(now), Channel = ChatIdentity.Teams, RouteKind = ChannelRoute.PersonRoute, SubjectId = personId, CreatedAt = now };
            db.ChannelRoutes.Add(route);
        }

        route.ConversationId = conversationId;
        route.Tenant = activity.Tenant;
        route.ServiceUrl = activity.ServiceUrl;
        route.UpdatedAt = now;
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    private static string Escape(string? text) => System.Text.Encodings.Web.JavaScriptEncoder.Default.Encode(text ?? "");
}
