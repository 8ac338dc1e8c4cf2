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
    public Task<DirectoryResult> UpsertAsync(IReadOnlyList<PersonDetails> people, Actor actor, CancellationToken ct = default) =>
        UpsertAsync(people, actor, new DirectoryUpsertOptions(), ct);

    public async Task<DirectoryResult> UpsertAsync(IReadOnlyList<PersonDetails> people, Actor actor, DirectoryUpsertOptions options,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(options);
        var labels = new DirectoryLabels(people.Count, options.Labels);
        var errors = new List<ValidationError>();
        for (var i = 0; i < people.Count; i++)
        {
            errors.AddRange(people[i].Validate(labels.Prefix(i)));
        }

        errors.AddRange(labels.Repeats(people.Select(p => Person.NormaliseEmail(p.Email ?? "")).ToList(), "email"));
        errors.AddRange(labels.Repeats(people.Select(p => Trimmed(p.ExternalId)).ToList(), "externalId"));
        errors.AddRange(labels.Repeats(people.Select(p => Trimmed(p.SlackUserId)).ToList(), "slackUserId"));
        errors.AddRange(labels.Repeats(people.Select(p => Trimmed(p.TeamsAadObjectId)).ToList(), "teamsAadObjectId"));
        if (!options.CreateTeams)
        {
            errors.AddRange(await FindUnknownTeamsAsync(people, labels, ct).ConfigureAwait(false));
        }

        if (errors.Count > 0)
        {
            return new DirectoryResult([], errors);
        }

        var now = clock.GetUtcNow();
        var (teams, created) = await LoadTeamsAsync(people, now, actor, ct).ConfigureAwait(false);
        var saved = new List<Person>();
        var taken = new List<ValidationError>();
        for (var i = 0; i < people.Count; i++)
        {
            var details = people[i];
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

            taken.AddRange(await LinkAsync(person.Id, ChatIdentity.Slack, details.SlackUserId, labels.Prefix(i) + "slackUserId", now, ct)
                .ConfigureAwait(false));
            taken.AddRange(await LinkAsync(person.Id, ChatIdentity.Teams, details.TeamsAadObjectId, labels.Prefix(i) + "teamsAadObjectId", now, ct)
                .ConfigureAwait(false));
            Audit("person", person.Id, isNew ? "create" : "update", actor, now, $"{person.Email} as {person.Role}");
            saved.Add(person);
        }

        var conflicts = taken.Concat(await FindExternalIdConflictsAsync(saved, labels, ct).ConfigureAwait(false)).ToList();
        if (conflicts.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new DirectoryResult([], conflicts);
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new DirectoryResult(saved, []) { CreatedTeams = created };
    }

    private async Task<(Dictionary<string, Team> Teams, List<Team> Created)> LoadTeamsAsync(IReadOnlyList<PersonDetails> people,
        DateTimeOffset now, Actor actor, CancellationToken ct)
    {
        var keys = TeamKeys(people);
        var teams = await db.Teams.Where(t => keys.Contains(t.Key)).ToDictionaryAsync(t => t.Key, ct).ConfigureAwait(false);
        var created = new List<Team>();
        foreach (var key in keys.Where(k => !teams.ContainsKey(k)))
        {
            var team = db.Teams.Add(Team.Create(key, key, now)).Entity;
            Audit("team", team.Id, "create", actor, now, key);
            teams[key] = team;
            created.Add(team);
        }

        return (teams, created);
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> TeamKeys(IEnumerable<PersonDetails> people) =>
        people.Where(p => !string.IsNullOrWhiteSpace(p.TeamKey)).Select(p => p.TeamKey!.Trim()).Distinct().ToList();

    // A team named only by a typo would be created without a manager, and its agents' flags would reach nobody.
    private async Task<List<ValidationError>> FindUnknownTeamsAsync(IReadOnlyList<PersonDetails> people, DirectoryLabels labels,
        CancellationToken ct)
    {
        var keys = TeamKeys(people);
        var existing = await db.Teams.AsNoTracking().Where(t => keys.Contains(t.Key)).Select(t => t.Key).ToListAsync(ct).ConfigureAwait(false);
        if (existing.Count == keys.Count)
        {
            return [];
        }

        var known = await db.Teams.AsNoTracking().OrderBy(t => t.Key).Select(t => t.Key).Take(21).ToListAsync(ct).ConfigureAwait(false);
        var knownText = known.Count == 0 ? "there are no teams yet" : "known teams: " + string.Join(", ", known.Take(20)) + (known.Count > 20 ? ", ..." : "");
        return people.Select((p, i) => (Key: p.TeamKey?.Trim(), Index: i))
            .Where(p => !string.IsNullOrEmpty(p.Key) && !existing.Contains(p.Key, StringComparer.Ordinal))
            .Select(p => new ValidationError(labels.Prefix(p.Index) + "team",
                $"unknown team '{p.Key}' ({knownText}); fix the team key, or allow creating teams (createTeams=true)"))
            .ToList();
    }

    private async Task<List<ValidationError>> LinkAsync(Guid personId, string provider, string? externalUserId, string field, DateTimeOffset now,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(externalUserId))
        {
            return [];
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
            var holder = await db.People.AsNoTracking().Where(p => p.Id == existing.PersonId).Select(p => p.Email).FirstOrDefaultAsync(ct)
                .ConfigureAwait(false);
            return [new(field, $"{provider} user '{id}' already belongs to {holder ?? "someone else"}")];
        }

        return [];
    }

    // Repeats within the batch were refused before anything was tracked; this finds an externalId another stored person has.
    private async Task<List<ValidationError>> FindExternalIdConflictsAsync(List<Person> saved, DirectoryLabels labels, CancellationToken ct)
    {
        var errors = new List<ValidationError>();
        for (var i = 0; i < saved.Count; i++)
        {
            var person = saved[i];
            if (person.ExternalId is null)
            {
                continue;
            }

            var holder = await db.People.AsNoTracking().Where(p => p.ExternalId == person.ExternalId && p.Id != person.Id)
                .Select(p => p.Email).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (holder is not null)
            {
                errors.Add(new(labels.Prefix(i) + "externalId", $"'{person.ExternalId}' is already used by {holder}; each externalId must be unique"));
            }
        }

        return errors;
    }

    private void Audit(string entityType, Guid id, string action, Actor actor, DateTimeOffset now, string detail) =>
        db.AuditEntries.Add(CoachLoopDbContext.ToAuditEntry(new StateChange(entityType, id, action, actor, now, null, null, detail)));
}

/// <summary>The people saved, or why nothing was.</summary>
public sealed record DirectoryResult(IReadOnlyList<Person> Saved, IReadOnlyList<ValidationError> Errors)
{
    /// <summary>The teams this batch created (only when <see cref="DirectoryUpsertOptions.CreateTeams"/> allowed it).</summary>
    public IReadOnlyList<Team> CreatedTeams { get; init; } = [];
}
