using CoachLoop.Engine.Common;
using CoachLoop.Engine.Flags;

namespace CoachLoop.Engine.Coaching;

/// <summary>
/// A group coaching session for several agents of one team on one criterion. Scheduling it records who and which flags;
/// logging it logs a coaching session on each of those flags through <see cref="Flag.LogSession"/> (the same rule as a
/// one-to-one), each with its own follow-up date. Logging is all or nothing: when any flag can no longer take a session
/// (resolved, dismissed or coached meanwhile), nothing is logged and the refusal names it.
/// </summary>
public sealed class Workshop : AuditedEntity
{
    private Workshop() { }

    protected override string EntityType => "workshop";

    public Guid TeamId { get; private set; }
    public string CriterionId { get; private set; } = "";
    public DateOnly ScheduledFor { get; private set; }
    public WorkshopStatus Status { get; private set; }
    public IReadOnlyList<Guid> FlagIds { get; private set; } = [];
    public Guid? ScheduledBy { get; private set; }
    public DateTimeOffset ScheduledAt { get; private set; }
    public Guid? LoggedBy { get; private set; }
    public DateTimeOffset? LoggedAt { get; private set; }

    /// <summary>Bumped on every change; the store uses it as an optimistic concurrency token.</summary>
    public int Revision { get; private set; }

    /// <summary>The day a one-click schedule picks: the next working day (Monday to Friday) after <paramref name="today"/>.</summary>
    public static DateOnly DefaultDate(DateOnly today)
    {
        var day = today.AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <param name="today">The scheduling manager's own date (their time zone): west of UTC their today is UTC's yesterday for hours.</param>
    public static Workshop Schedule(WorkshopSuggestion suggestion, DateOnly scheduledFor, DateOnly today, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        ArgumentNullException.ThrowIfNull(actor);
        if (suggestion.Flags.Count == 0)
        {
            throw new DomainException("workshop.no-flags", "A workshop needs flags to coach.");
        }

        if (scheduledFor < today)
        {
            throw new DomainException("workshop.in-past", "A workshop cannot be scheduled in the past.");
        }

        var workshop = new Workshop
        {
            Id = Guid.CreateVersion7(now),
            TeamId = suggestion.TeamId,
            CriterionId = suggestion.CriterionId,
            ScheduledFor = scheduledFor,
            Status = WorkshopStatus.Scheduled,
            FlagIds = [.. suggestion.Flags.Select(f => f.FlagId)],
            ScheduledBy = actor.PersonId,
            ScheduledAt = now,
        };
        workshop.Record("schedule-workshop", actor, now, null, nameof(WorkshopStatus.Scheduled),
            $"{suggestion.CriterionId} on {scheduledFor:yyyy-MM-dd} for {suggestion.AgentCount} agents ({suggestion.Flags.Count} flags)");
        return workshop;
    }

    /// <summary>
    /// The flags of this workshop that cannot take its session now, with the reason; empty when the workshop can be logged.
    /// </summary>
    public static IReadOnlyList<string> Blockers(IReadOnlyList<Flag> flags, Func<Flag, string> agentName)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(agentName);
        return
        [
            .. flags.Where(f => !WorkshopRule.AwaitsSession(f.Status)).Select(f => $"{agentName(f)}'s flag is {Describe(f.Status)}"),
            .. flags.Where(f => f.Status is FlagStatus.Raised or FlagStatus.Continued && f.Plan.Scenario is null)
                .Select(f => $"{agentName(f)}'s flag has no practice to approve"),
        ];
    }

    /// <summary>
    /// Logs the workshop: a flag still waiting for practice approval gets its suggested practice approved by the manager who held
    /// the workshop, then every flag gets the session, with the follow-up date <paramref name="followUpFor"/> gives it.
    /// </summary>
    public void Log(IReadOnlyList<Flag> flags, WorkshopLog log, Func<Flag, DateOnly> followUpFor, Func<Flag, string> agentName, Actor actor,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(followUpFor);
        ArgumentNullException.ThrowIfNull(actor);
        if (Status != WorkshopStatus.Scheduled)
        {
            throw new DomainException("workshop.already-logged", "This workshop was already logged.");
        }

        if (flags.Count != FlagIds.Count || flags.Any(f => !FlagIds.Contains(f.Id)))
        {
            throw new DomainException("workshop.flags-missing", "Some flags of this workshop no longer exist: nothing was logged.");
        }

        var blockers = Blockers(flags, agentName);
        if (blockers.Count > 0)
        {
            throw new DomainException("workshop.flag-moved", $"Nothing was logged: {string.Join("; ", blockers)}. Log their sessions one by one.");
        }

        foreach (var flag in flags)
        {
            if (flag.Status is FlagStatus.Raised or FlagStatus.Continued)
            {
                flag.ApprovePractice(actor, now);
            }

            flag.LogSession(new CoachingSession(flag.CriterionId, log.TargetedBehaviour, log.SelfAssessment, log.AgreedBehaviour, log.Practice,
                followUpFor(flag), log.HeldOn, log.Notes), actor, now);
        }

        Status = WorkshopStatus.Logged;
        LoggedBy = actor.PersonId;
        LoggedAt = now;
        Revision++;
        Record("log-workshop", actor, now, nameof(WorkshopStatus.Scheduled), nameof(WorkshopStatus.Logged),
            $"held {log.HeldOn:yyyy-MM-dd}; sessions logged on {flags.Count} flags");
    }

    private static string Describe(FlagStatus status) => status switch
    {
        FlagStatus.Closed => "resolved",
        FlagStatus.Dismissed => "dismissed",
        FlagStatus.SessionLogged => "already coached",
        FlagStatus.FollowUpDue => "waiting for its follow-up",
        FlagStatus.Escalated => "escalated",
        _ => status.ToString(),
    };
}
