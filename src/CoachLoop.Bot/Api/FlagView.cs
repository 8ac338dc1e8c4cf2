using CoachLoop.Data.Records;
using CoachLoop.Data.Stores;
using CoachLoop.Engine.Coaching;
using CoachLoop.Engine.Flags;
using CoachLoop.Engine.FollowUps;

namespace CoachLoop.Bot.Api;

/// <summary>
/// A flag as the API shows it, with its plan and, for one flag, its audited history. A pattern flag names the
/// calls of its streak and, for one flag, the quality flags folded into it; a folded flag names its pattern flag.
/// The agent (name, email), team and criterion (id, name) come with every flag, so a list needs no second request per row.
/// </summary>
internal sealed record FlagView(
    Guid Id,
    FlagKind Kind,
    bool Urgent,
    FlagStatus Status,
    Guid AgentId,
    Guid? TeamId,
    string CallId,
    DateTimeOffset CallTime,
    string CriterionId,
    decimal Weight,
    decimal Score,
    decimal Threshold,
    int RubricVersion,
    ActionPlan Plan,
    DateOnly FollowUpDate,
    int Cycle,
    DateTimeOffset RaisedAt,
    DateTimeOffset UpdatedAt,
    CoachingSession? Session,
    FollowUpResult? LastFollowUp,
    string? ClosingNote,
    IReadOnlyList<HistoryEntry>? History,
    IReadOnlyList<StreakCallView> Streak,
    Guid? SupersededBy,
    IReadOnlyList<Guid>? Folded,
    FlagAgentView? Agent,
    FlagTeamView? Team,
    FlagCriterionView Criterion)
{
    /// <summary>"What good sounds like", on one flag only (a list leaves it out).</summary>
    public PeerExampleApiView? PeerExample { get; init; }

    public static FlagView From(FlagListRow row, IReadOnlyList<AuditEntry>? history = null, IReadOnlyList<Guid>? folded = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        var f = row.Flag;
        return new(f.Id, f.Kind, f.Urgent, f.Status, f.AgentId, f.TeamId, f.CallId, f.CallTime, f.CriterionId, f.Weight, f.Score, f.Threshold,
            f.RubricVersion, f.Plan, f.FollowUpDate, f.Cycle, f.RaisedAt, f.UpdatedAt, f.Session, f.LastFollowUp, f.ClosingNote,
            history?.Select(HistoryEntry.From).ToList(), f.Streak.Select(StreakCallView.From).ToList(), f.SupersededBy, folded,
            row.AgentEmail is null ? null : new FlagAgentView(f.AgentId, row.AgentName ?? "", row.AgentEmail),
            f.TeamId is { } teamId && row.TeamKey is not null ? new FlagTeamView(teamId, row.TeamKey, row.TeamName ?? row.TeamKey) : null,
            new FlagCriterionView(f.CriterionId, row.CriterionName ?? f.CriterionId));
    }
}

/// <summary>One audited change: who, in which role, through which channel, before and after.</summary>
internal sealed record HistoryEntry(DateTimeOffset At, string Action, string Actor, Guid? ActorId, string Role, string Channel,
    string? Before, string? After, string? Detail)
{
    public static HistoryEntry From(AuditEntry a) =>
        new(a.At, a.Action, a.ActorName, a.ActorPersonId, a.ActorRole, a.Channel, a.Before, a.After, a.Detail);
}
