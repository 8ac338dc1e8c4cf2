using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Cards.Builders;
using CoachLoop.Engine.Coaching;
using CoachLoop.Engine.Flags;
using CoachLoop.Engine.FollowUps;

namespace CoachLoop.Bot.Workshops;

/// <summary>
/// A scheduled workshop as a card: the criterion, the day, every flag it coaches as a row in its current state, and "Log workshop"
/// (the session form once for the group) until it is logged.
/// </summary>
public static class WorkshopCardBuilder
{
    public static Card Build(Workshop workshop, string criterionName, string teamName, string? expectedBehaviour,
        IReadOnlyList<(Flag Flag, string Agent)> flags)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        ArgumentNullException.ThrowIfNull(flags);
        var title = $"Workshop: {criterionName}";
        var logged = workshop.Status == WorkshopStatus.Logged;
        var agents = string.Join(", ", flags.Select(f => f.Agent).Distinct(StringComparer.Ordinal));
        var facts = new List<CardFact>
        {
            new("When", CardText.Day(workshop.ScheduledFor)),
            new("Agents", agents),
            new("Follow-up scoring", "each flag keeps its own date: 7 days for agents with 20+ calls a day, 14 for fewer"),
        };
        var status = logged
            ? $"Logged {CardText.Time(workshop.LoggedAt!.Value)}: a session on each of {CardText.Count(flags.Count, "flag")}."
            : $"Scheduled for {CardText.Day(workshop.ScheduledFor)}. Log it after the session: each flag gets the session and its follow-up date.";
        var actions = new List<CardAction>();
        if (!logged)
        {
            actions.Add(new(CardVerbs.LogWorkshop, "Log workshop", CardActionStyle.Primary, CardText.Data(CardKinds.Notice, workshop.Id, workshop.Revision),
                Form(expectedBehaviour)));
        }

        return new Card(CardKinds.Notice, workshop.Id, workshop.Revision, title, $"{teamName} \u00b7 {CardText.Day(workshop.ScheduledFor)}",
            logged ? CardTone.Good : CardTone.Default, facts, null, null, [], status, actions, $"{title} for {agents}. {status}")
        {
            Badge = logged ? "Logged" : "Scheduled",
            Rows = [.. flags.Select(f => FlagRows.Manager(f.Flag, f.Agent, mayAct: false))],
        };
    }

    /// <summary>The session log once for the group; the follow-up date is each flag's own, so it is not asked.</summary>
    private static IReadOnlyList<CardInput> Form(string? expectedBehaviour) =>
    [
        new("targetedBehaviour", "Targeted behaviour", CardInputKind.Text, true, expectedBehaviour, MaxLength: FlagActions.MaxText),
        new("selfAssessment", "The agents' self-assessment (about 70% of the session)", CardInputKind.MultilineText, true, MaxLength: FlagActions.MaxText,
            ErrorMessage: "Record the agents' own assessment."),
        new("agreedBehaviour", "Agreed alternative behaviour", CardInputKind.MultilineText, true, MaxLength: FlagActions.MaxText,
            ErrorMessage: "Record the behaviour you agreed on."),
        new("practice", "Practice assigned", CardInputKind.Text, true, MaxLength: FlagActions.MaxText, ErrorMessage: "Say which practice was assigned."),
        new("notes", "Notes (optional)", CardInputKind.MultilineText, false, MaxLength: FlagActions.MaxText),
    ];

    /// <summary>The follow-up date a flag of an agent with <paramref name="typicalCallsPerDay"/> gets from a workshop held on <paramref name="heldOn"/>.</summary>
    public static DateOnly FollowUpFor(DateOnly heldOn, int typicalCallsPerDay) => FollowUpSchedule.DateFor(heldOn, typicalCallsPerDay);
}
