using CoachLoop.Data.Records;
using CoachLoop.Engine.Common;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Stores;

/// <summary>
/// Upserts teams, people and their chat identities, all or nothing: a batch with any invalid row
/// changes nothing and lists every reason. Each change is audited.
/// </summary>
public sealed class DirectoryStore(CoachLoopDbContext db, TimeProvider clock)
{
    public async Task<DirectoryResult> UpsertAsync(IReadOnlyList<PersonDetails> people, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(actor);
        var errors = new List<ValidationError>();
        for (var i = 0; i < people.Count; i++)
        {
            errors.AddRange(people[i].Validate(people.Count == 1 ? "" : $"[{i}]."));
        }

        var duplicates = people.GroupBy(p => Person.NormaliseEmail(p.Email ?? "")).Where(g => g.Count() > 1).Select(g => g.Key);
        errors.AddRange(duplicates.Select(d => new ValidationError("email", $"'{d}' appears more than once")));
        if (errors.Count > 0)
        {
            return new DirectoryResult([], errors);
        }

        var now = clock.GetUtcNow();
        var teams = await LoadTeamsAsync(people, now, actor, ct).ConfigureAwait(false);
        var saved = new List<Person>();
        foreach (var details in people)
        {
            var email = Person.NormaliseEmail(details.Email);
            var person = await db.People.FirstOrDefaultAsync(p => p.Email == email, ct).ConfigureAwait(false);
            var isNew = person is null;
            person ??= db.People.Add(Person.Create(email, now)).Entity;
            var team = details.TeamKey is { Length: > 0 } key ? teams[key.Trim()] : null;
            person.Update(details, team?.Id, now);
            if (team is not null && details.Role == PersonRole.Manager)
            {
                team.Update(team.Name, person.Id, now);
            }

            await LinkAsync(person.Id, ChatIdentity.Slack, details.SlackUserId, now, ct).ConfigureAwait(false);
            await LinkAsync(person.Id, ChatIdentity.Teams, details.TeamsAadObjectId, now, ct).ConfigureAwait(false);
            Audit("person", person.Id, isNew ? "create" : "update", actor, now, $"{person.Email} as {person.Role}");
            saved.Add(person);
        }

        var conflicts = await FindExternalIdConflictsAsync(saved, ct).ConfigureAwait(false);
        if (conflicts.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new DirectoryResult([], conflicts);
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new DirectoryResult(saved, []);
    }

    private async Task<Dictionary<string, Team>> LoadTeamsAsync(IReadOnlyList<PersonDetails> people, DateTimeOffset now, Actor actor,
        CancellationToken ct)
    {
        var keys = people.Where(p => !string.IsNullOrWhiteSpace(p.TeamKey)).Select(p => p.TeamKey!.Trim()).Distinct().ToList();
        var teams = await db.Teams.Where(t => keys.Contains(t.Key)).ToDictionaryAsync(t => t.Key, ct).ConfigureAwait(false);
        foreach (var key in keys.Where(k => !teams.ContainsKey(k)))
        {
            var team = db.Teams.Add(Team.Create(key, key, now)).Entity;
            Audit("team", team.Id, "create", actor, now, key);
            teams[key] = team;
        }

        return teams;
    }

    private async Task LinkAsync(Guid personId, string provider, string? externalUserId, DateTimeOffset now, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(externalUserId))
        {
            return;
        }

        var id = externalUserId.Trim();
        var existing = await db.ChatIdentities.FirstOrDefaultAsync(c => c.Provider == provider && c.ExternalUserId == id, ct)
            .ConfigureAwait(false);
        if (existing is null)
        {
            db.ChatIdentities.Add(ChatIdentity.Create(personId, provider, "", id, now));
        }
        else if (existing.PersonId != personId)
        {
            throw new DomainException("directory.identity-taken", $"{provider} user '{id}' already belongs to someone else.");
        }
    }

    private async Task<List<ValidationError>> FindExternalIdConflictsAsync(List<Person> saved, CancellationToken ct)
    {
        var errors = new List<ValidationError>();
        foreach (var person in saved.Where(p => p.ExternalId is not null))
        {
            var taken = await db.People.AsNoTracking()
                .AnyAsync(p => p.ExternalId == person.ExternalId && p.Id != person.Id, ct).ConfigureAwait(false);
            if (taken || saved.Count(p => p.ExternalId == person.ExternalId) > 1)
            {
                errors.Add(new("externalId", $"'{person.ExternalId}' is already used by another person"));
            }
        }

        return errors;
    }

    private void Audit(string entityType, Guid id, string action, Actor actor, DateTimeOffset now, string detail) =>
        db.AuditEntries.Add(CoachLoopDbContext.ToAuditEntry(new StateChange(entityType, id, action, actor, now, null, null, detail)));
}

/// <summary>The people saved, or why nothing was.</summary>
public sealed record DirectoryResult(IReadOnlyList<Person> Saved, IReadOnlyList<ValidationError> Errors);
