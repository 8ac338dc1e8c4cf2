using System.Text.Json;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Workshops;
using CoachLoop.Data.Modeling;
using CoachLoop.Data.Records;
using CoachLoop.Engine.Access;
using CoachLoop.Engine.Coaching;
using CoachLoop.Engine.Common;
using CoachLoop.Engine.Digests;
using CoachLoop.Engine.People;
using CoachLoop.Engine.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Actions;

/// <summary>
/// Workshop clicks: "Schedule workshop" on a digest's suggestion and "Log workshop" on a workshop's card. Only the team's manager
/// may press either. Like every click they change nothing unless all of it can change: one transaction with the audit rows, the
/// idempotency record and the updates of every affected card.
/// </summary>
public sealed partial class CardActionPipeline
{
    private static readonly HashSet<string> NoticeVerbs = [CardVerbs.ScheduleWorkshop, CardVerbs.LogWorkshop];

    private Task<Attempt> ActOnNoticeAsync(CardActionRequest request, Guid subjectId, int version, Person? person, Actor? actor, DateTimeOffset now,
        CancellationToken ct) => request.Verb == CardVerbs.ScheduleWorkshop
        ? ScheduleWorkshopAsync(request, subjectId, person, actor, now, ct)
        : LogWorkshopAsync(request, subjectId, version, person, actor, now, ct);

    private async Task<Attempt> ScheduleWorkshopAsync(CardActionRequest request, Guid digestId, Person? person, Actor? actor, DateTimeOffset now,
        CancellationToken ct)
    {
        var notice = await db.Notices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == digestId && n.Kind == Scheduling.NoticeKinds.Digest, ct).ConfigureAwait(false);
        var criterionId = request.Data.GetValueOrDefault(WorkshopNotices.CriterionKey) ?? "";
        var suggestion = notice is null ? null
            : JsonSerializer.Deserialize<Digest>(notice.Payload, JsonColumn.Options)!.Workshops.FirstOrDefault(w => w.CriterionId == criterionId);
        if (suggestion is null)
        {
            return Attempt.Stop(NotFound());
        }

        var teamId = suggestion.TeamId;
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, ct).ConfigureAwait(false);
        if (ManagerRefusal(person, team) is { } refusal)
        {
            return Attempt.Stop(new(ActionOutcome.Refused, refusal, await cards.BuildAsync(CardKinds.Notice, digestId, ct).ConfigureAwait(false)));
        }

        var ids = suggestion.Flags.Select(f => f.FlagId).ToList();
        var flags = await db.Flags.AsNoTracking().Where(f => ids.Contains(f.Id)).ToListAsync(ct).ConfigureAwait(false);
        var names = flags.GroupBy(f => f.AgentId).ToDictionary(g => g.Key, g => suggestion.Flags.First(s => s.FlagId == g.First().Id).Agent);
        var rule = (workshops?.Value ?? new WorkshopOptions()).ToRule();
        var fresh = rule.Suggest(await WorkshopSuggestions.CandidatesAsync(db, flags, names, ct).ConfigureAwait(false), now)
            .FirstOrDefault(s => s.CriterionId == criterionId && s.TeamId == teamId);
        if (fresh is null)
        {
            return Attempt.Stop(new(ActionOutcome.Stale,
                "This workshop is already scheduled, or too few of its flags still wait for a session: nothing was scheduled.",
                await cards.BuildAsync(CardKinds.Notice, digestId, ct).ConfigureAwait(false)));
        }

        var today = LocalToday(person!, now);
        if (ReadDay(request, today) is not { } day)
        {
            return Attempt.Stop(new(ActionOutcome.Invalid, "Some answers need another look.", await cards.BuildAsync(CardKinds.Notice, digestId, ct).ConfigureAwait(false),
                new Dictionary<string, string> { [WorkshopNotices.DayKey] = $"Pick a day from today to {WorkshopNotices.MaxDaysAhead} days ahead, like 2026-11-27." }));
        }

        var workshop = Workshop.Schedule(fresh, day, today, actor!, now);
        db.Workshops.Add(workshop);
        db.WorkshopFlags.AddRange(fresh.Flags.Select(f => new WorkshopFlag { WorkshopId = workshop.Id, FlagId = f.FlagId }));
        var card = new Notice
        {
            Id = workshop.Id, DedupeKey = $"{WorkshopNotices.Kind}:{workshop.Id:N}", Kind = WorkshopNotices.Kind, Audience = Notice.ToPerson,
            AudienceId = person!.Id, Payload = JsonSerializer.Serialize(workshop.FlagIds), Sent = true, CreatedAt = now,
        };
        db.Notices.Add(card);
        db.NoticeFlags.AddRange(workshop.FlagIds.Select(id => new NoticeFlag { NoticeId = card.Id, FlagId = id }));
        await outbox.PostNoticeAsync(card, ct).ConfigureAwait(false);
        await outbox.RefreshAsync(digestId, ct).ConfigureAwait(false);
        return Attempt.Go($"Workshop on {suggestion.CriterionName} scheduled for {workshop.ScheduledFor:yyyy-MM-dd} with {fresh.AgentCount} agents.");
    }

    private async Task<Attempt> LogWorkshopAsync(CardActionRequest request, Guid workshopId, int version, Person? person, Actor? actor, DateTimeOffset now,
        CancellationToken ct)
    {
        var workshop = await db.Workshops.FirstOrDefaultAsync(w => w.Id == workshopId, ct).ConfigureAwait(false);
        if (workshop is null)
        {
            return Attempt.Stop(NotFound());
        }

        var teamId = workshop.TeamId;
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, ct).ConfigureAwait(false);
        if (ManagerRefusal(person, team) is { } refusal)
        {
            return Attempt.Stop(new(ActionOutcome.Refused, refusal, await cards.BuildAsync(CardKinds.Notice, workshopId, ct).ConfigureAwait(false)));
        }

        if (version != workshop.Revision)
        {
            var current = await cards.BuildAsync(CardKinds.Notice, workshopId, ct).ConfigureAwait(false);
            return Attempt.Stop(new(ActionOutcome.Stale, $"This card was out of date. {current?.Status}", current));
        }

        var inputs = new ActionInputs(request.Data);
        var log = new WorkshopLog(inputs.Required("targetedBehaviour", "Say which behaviour the workshop targeted."),
            inputs.Required("selfAssessment", "Record the agents' own assessment."), inputs.Required("agreedBehaviour", "Record the behaviour you agreed on."),
            inputs.Required("practice", "Say which practice was assigned."), LocalToday(person!, now), inputs.Optional("notes"));
        if (!inputs.IsValid)
        {
            return Attempt.Stop(new(ActionOutcome.Invalid, "Some answers need another look.",
                await cards.BuildAsync(CardKinds.Notice, workshopId, ct).ConfigureAwait(false), inputs.Errors));
        }

        var ids = workshop.FlagIds.ToList();
        var flags = await db.Flags.Where(f => ids.Contains(f.Id)).ToListAsync(ct).ConfigureAwait(false);
        var agentIds = flags.Select(f => f.AgentId).Distinct().ToList();
        var agents = await db.People.AsNoTracking().Where(p => agentIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct).ConfigureAwait(false);
        try
        {
            // Each flag's own follow-up, as the one-to-one form prefills it: by the agent's call volume, counted from the workshop.
            workshop.Log(flags, log, f => WorkshopCardBuilder.FollowUpFor(log.HeldOn, agents.TryGetValue(f.AgentId, out var a) ? a.TypicalCallsPerDay : 0),
                f => agents.TryGetValue(f.AgentId, out var a) ? a.Name : "an agent", actor!, now);
        }
        catch (DomainException ex)
        {
            return Attempt.Stop(new(ActionOutcome.Stale, ex.Message, await cards.BuildAsync(CardKinds.Notice, workshopId, ct).ConfigureAwait(false)));
        }

        foreach (var flag in flags)
        {
            await outbox.RefreshAsync(flag.Id, ct).ConfigureAwait(false);
            await RefreshListsAsync(flag.Id, now, ct).ConfigureAwait(false);
        }

        return Attempt.Go($"Workshop logged: a session on each of {flags.Count} flags, each with its own follow-up date.");
    }

    /// <summary>The day asked for (today up to <see cref="WorkshopNotices.MaxDaysAhead"/> days ahead), the next working day when none; null when wrong.</summary>
    private static DateOnly? ReadDay(CardActionRequest request, DateOnly today)
    {
        var text = request.Data.GetValueOrDefault(WorkshopNotices.DayKey);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Workshop.DefaultDate(today);
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            && day >= today && day <= today.AddDays(WorkshopNotices.MaxDaysAhead) ? day : null;
    }

    /// <summary>Workshops are the team manager's: the one who gets the digest and runs the team's coaching.</summary>
    private static string? ManagerRefusal(Person? person, Team? team) => person is null
        ? AccessPolicy.NotInDirectory
        : team is null || team.ManagerId != person.Id
            ? $"Only the manager of {team?.Name ?? "this team"} can schedule or log its workshops."
            : null;

    private static DateOnly LocalToday(Person person, DateTimeOffset now) => LocalSchedule.LocalDate(now, LocalSchedule.Zone(person.TimeZone));
}
