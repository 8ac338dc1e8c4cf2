using CoachLoop.Data;
using CoachLoop.Engine.Common;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Actions;

/// <summary>Finds the CoachLoop person behind a chat identity. The web channel's identities are directory ids.</summary>
public sealed class ActorResolver(CoachLoopDbContext db)
{
    // A channel's own lookup of the clicker and the pipeline's are the same question within one request: asked once. Only people
    // found are kept, because a channel may link someone unknown (by email) before the pipeline asks.
    private readonly Dictionary<(string, string, string), Person> _found = [];

    // One query: the identity and its person together.
    private static readonly CompiledQuery<Func<CoachLoopDbContext, string, string, string, Task<Person?>>> ByIdentity = new(() => EF.CompileAsyncQuery(
        (CoachLoopDbContext db, string channel, string tenant, string externalUserId) => db.ChatIdentities.AsNoTracking()
            .Where(c => c.Provider == channel && c.ExternalUserId == externalUserId && (c.Tenant == tenant || c.Tenant == ""))
            .Join(db.People.AsNoTracking(), c => c.PersonId, p => p.Id, (c, p) => p)
            .FirstOrDefault()));

    public async Task<Person?> ResolveAsync(string channel, string tenant, string externalUserId, CancellationToken ct)
    {
        if (_found.TryGetValue((channel, tenant, externalUserId), out var known))
        {
            return known;
        }

        var person = await FindAsync(channel, tenant, externalUserId, ct).ConfigureAwait(false);
        if (person is not null)
        {
            _found[(channel, tenant, externalUserId)] = person;
        }

        return person;
    }

    private async Task<Person?> FindAsync(string channel, string tenant, string externalUserId, CancellationToken ct)
    {
        if (channel == ChatIdentity.Web)
        {
            return Guid.TryParse(externalUserId, out var id)
                ? await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct).ConfigureAwait(false)
                : null;
        }

        ct.ThrowIfCancellationRequested();
        return await ByIdentity.For(db)(db, channel, tenant, externalUserId).ConfigureAwait(false);
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
