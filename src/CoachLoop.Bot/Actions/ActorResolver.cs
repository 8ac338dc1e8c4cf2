using CoachLoop.Data;
using CoachLoop.Engine.Common;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Actions;

/// <summary>Finds the CoachLoop person behind a chat identity. The web channel's identities are directory ids.</summary>
public sealed class ActorResolver(CoachLoopDbContext db)
{
    public async Task<Person?> ResolveAsync(string channel, string tenant, string externalUserId, CancellationToken ct)
    {
        if (channel == ChatIdentity.Web)
        {
            return Guid.TryParse(externalUserId, out var id)
                ? await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct).ConfigureAwait(false)
                : null;
        }

        var identity = await db.ChatIdentities.AsNoTracking()
            .Where(c => c.Provider == channel && c.ExternalUserId == externalUserId && (c.Tenant == tenant || c.Tenant == ""))
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return identity is null ? null
            : await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == identity.PersonId, ct).ConfigureAwait(false);
    }

    public static Actor ToActor(Person person, string channel) => new(person.Id, person.Name, person.Role switch
    {
        PersonRole.Agent => ActorRole.Agent,
        PersonRole.Manager => ActorRole.Manager,
        PersonRole.Coach => ActorRole.Coach,
        PersonRole.Reviewer => ActorRole.Reviewer,
        PersonRole.QaLead => ActorRole.QaLead,
        _ => ActorRole.Admin,
    }, channel);
}
