using CoachLoop.Bot.Actions;
using CoachLoop.Bot.Channels.Slack.Installs;
using CoachLoop.Data;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// Maps CoachLoop people to Slack users by email and remembers the mapping as a <see cref="ChatIdentity"/>: inbound with
/// <see href="https://api.slack.com/methods/users.info">users.info</see> (a Slack user CoachLoop has not seen yet).
/// Outbound (a person Slack has not seen yet) is <see cref="SlackRecipients"/>, part of delivery. Both need users:read.email.
/// <c>team</c> is the installation key of the request (<see cref="SlackInstallKey"/>): identities are per installation.
/// </summary>
public sealed class SlackPeople(CoachLoopDbContext db, ActorResolver actors, SlackApiClient slack, SlackInstallations installations, TimeProvider clock)
{
    /// <summary>The person behind a Slack user, linking them by their Slack profile email on first sight.</summary>
    public async Task<Person?> ResolveAsync(string team, string userId, CancellationToken ct)
    {
        // The pipeline asks the same question next: the resolver answers it from what it found here.
        if (await actors.ResolveAsync(ChatIdentity.Slack, team, userId, ct).ConfigureAwait(false) is { } known)
        {
            return known;
        }

        if (await installations.ForKeyAsync(team, ct).ConfigureAwait(false) is not { Revoked: null } workspace)
        {
            return null; // no installation serves this workspace any more: nobody to ask
        }

        var info = await slack.UserInfoAsync(workspace.Token, userId, ct).ConfigureAwait(false);
        var email = info.Ok ? info.Get("user.profile.email") : null;
        if (email is null)
        {
            return null;
        }

        var normalised = Person.NormaliseEmail(email);
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Email == normalised, ct).ConfigureAwait(false);
        if (person is not null && team.Length > 0 && installations.ManyWorkspaces
            && await installations.TenantOfPersonAsync(person.Id, ct).ConfigureAwait(false) is { Length: > 0 } home && home != team)
        {
            // Any workspace may install the app, and its admins set their users' profile emails: a user of workspace B with the
            // email of a manager whose team is linked in workspace A must not act as that manager.
            return null;
        }

        if (person is not null)
        {
            await RememberAsync(person.Id, team.Length > 0 ? team : info.Get("user.team_id") ?? "", userId, ct).ConfigureAwait(false);
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                // Two first clicks of the same person at once: the other one stored the identity.
                foreach (var entry in db.ChangeTracker.Entries<ChatIdentity>().Where(e => e.State == EntityState.Added).ToList())
                {
                    entry.State = EntityState.Detached;
                }
            }
        }

        return person;
    }

    private async Task RememberAsync(Guid personId, string team, string userId, CancellationToken ct)
    {
        var known = db.ChatIdentities.Local.Any(c => c.Provider == ChatIdentity.Slack && c.ExternalUserId == userId)
            || await db.ChatIdentities.AnyAsync(c => c.Provider == ChatIdentity.Slack && c.ExternalUserId == userId && c.Tenant == team, ct)
                .ConfigureAwait(false);
        if (!known)
        {
            db.ChatIdentities.Add(ChatIdentity.Create(personId, ChatIdentity.Slack, team, userId, clock.GetUtcNow()));
        }
    }
}
