using System.Text.Json;
using CoachLoop.Bot.Channels.Teams.Connector;
using CoachLoop.Bot.Channels.Teams.Protocol;
using CoachLoop.Data;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Channels.Teams;

/// <summary>
/// Teams users as CoachLoop people: known by (tenant, Entra object id) in ChatIdentities; someone new is looked up in the
/// conversation roster (<c>GET /v3/conversations/{id}/members/{userId}</c>) and matched by email or UPN, and the match is kept.
/// </summary>
public sealed class TeamsPeople(CoachLoopDbContext db, BotConnectorClient connector, Actions.ActorResolver actors, TimeProvider clock)
{
    /// <returns>The Entra object id the pipeline knows the user by (empty when even the roster does not say), and the person if matched.</returns>
    public async Task<(string AadObjectId, Person? Person)> ResolveAsync(Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var tenant = activity.Tenant;
        var aad = activity.From?.AadObjectId ?? "";
        if (aad.Length > 0 && await KnownAsync(tenant, aad, ct).ConfigureAwait(false) is { } known)
        {
            return (aad, known);
        }

        if (activity.From?.Id is not { } userId || activity.Conversation?.Id is not { } conversationId || activity.ServiceUrl is null)
        {
            return (aad, null);
        }

        var answer = await connector.GetMemberAsync(activity.ServiceUrl, conversationId, userId, ct).ConfigureAwait(false);
        var member = answer.Succeeded ? JsonSerializer.Deserialize<TeamsChannelAccount>(answer.Body, TeamsJson.Options) : null;
        if (member is null)
        {
            return (aad, null);
        }

        aad = aad.Length > 0 ? aad : member.ObjectId ?? "";
        if (aad.Length == 0)
        {
            return (aad, null);
        }

        if (await KnownAsync(tenant, aad, ct).ConfigureAwait(false) is { } byId)
        {
            return (aad, byId);
        }

        var emails = new[] { member.Email, member.UserPrincipalName }.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => Person.NormaliseEmail(e!)).ToList();
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => emails.Contains(p.Email), ct).ConfigureAwait(false);
        if (person is not null)
        {
            db.ChatIdentities.Add(ChatIdentity.Create(person.Id, ChatIdentity.Teams, tenant, aad, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        return (aad, person);
    }

    // The same lookup as the action pipeline's, through the same resolver: a click asks it once.
    private Task<Person?> KnownAsync(string tenant, string aad, CancellationToken ct) => actors.ResolveAsync(ChatIdentity.Teams, tenant, aad, ct);
}
