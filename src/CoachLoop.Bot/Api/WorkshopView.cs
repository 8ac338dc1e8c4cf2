using CoachLoop.Engine.Coaching;

namespace CoachLoop.Bot.Api;

/// <summary>A workshop as the API shows it: its team, criterion, day, state and the flags it coaches.</summary>
internal sealed record WorkshopView(
    Guid Id,
    Guid TeamId,
    string CriterionId,
    DateOnly ScheduledFor,
    WorkshopStatus Status,
    IReadOnlyList<Guid> FlagIds,
    Guid? ScheduledBy,
    DateTimeOffset ScheduledAt,
    Guid? LoggedBy,
    DateTimeOffset? LoggedAt)
{
    public static WorkshopView From(Workshop w)
    {
        ArgumentNullException.ThrowIfNull(w);
        return new(w.Id, w.TeamId, w.CriterionId, w.ScheduledFor, w.Status, w.FlagIds, w.ScheduledBy, w.ScheduledAt, w.LoggedBy, w.LoggedAt);
    }
}
