using CoachLoop.Engine.Flags;

namespace CoachLoop.Bot.Cards.Builders;

/// <summary>
/// One flag as a row of a list card (group, open flags, digest): the agent, the criterion and call, grouped by the state the flag
/// waits in, with the flag's next step as a button where the viewer may take it, and always "Open card". Every action carries the
/// flag's own kind, id and revision, so the action pipeline treats a click exactly as one on the flag's own card.
/// </summary>
public static class FlagRows
{
    public const string OpenCardTitle = "Open card";

    /// <summary>The groups in the order a list shows them: what needs someone first.</summary>
    public static readonly IReadOnlyList<string> GroupOrder =
    [
        "Waiting for practice approval", "Practice approved: session to log", "Follow-up due", "Escalated", "Session logged: waiting for follow-up",
        "Closed",
    ];

    /// <summary>A row of the manager's view of <paramref name="flag"/>; <paramref name="mayAct"/> says whether the viewer may press its buttons.</summary>
    public static CardRow Manager(Flag flag, string agentName, bool mayAct)
    {
        ArgumentNullException.ThrowIfNull(flag);
        var actions = new List<CardAction>();
        if (mayAct && flag.IsOpen
            && FlagActions.For(new FlagCardContext(flag, agentName, null, [], null, null)).FirstOrDefault(a => a.Style == CardActionStyle.Primary) is { } next)
        {
            actions.Add(next);
        }

        actions.Add(Open(CardKinds.Flag, flag));
        return new CardRow(Group(flag), agentName, Line(flag), actions, flag.Urgent && flag.IsOpen);
    }

    /// <summary>A row of the agent's own list: their score, with Accept where it still applies and "Open card" for their own card.</summary>
    public static CardRow Agent(Flag flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        var actions = new List<CardAction>();
        if (flag.IsOpen && flag.AgentAcceptedAt is null && flag.DisputeId is null)
        {
            actions.Add(new(CardVerbs.AcceptScore, "Accept", CardActionStyle.Primary, CardText.Data(CardKinds.AgentScore, flag.Id, flag.Revision), []));
        }

        actions.Add(Open(CardKinds.AgentScore, flag));
        return new CardRow(Group(flag), "Your score", Line(flag), actions, flag.Urgent && flag.IsOpen);
    }

    /// <summary>Rows in list order: by group, urgent first, newest first.</summary>
    public static IReadOnlyList<CardRow> Order(IEnumerable<(CardRow Row, Flag Flag)> rows) =>
        [.. rows.OrderBy(r => GroupRank(r.Row.Group)).ThenByDescending(r => r.Row.Urgent).ThenByDescending(r => r.Flag.RaisedAt).Select(r => r.Row)];

    /// <summary>The same rows with each group heading followed by its count: "Follow-up due (2)".</summary>
    public static IReadOnlyList<CardRow> Counted(IReadOnlyList<CardRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var counts = rows.GroupBy(r => r.Group, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return [.. rows.Select(r => r with { Group = $"{r.Group} ({counts[r.Group].ToString(System.Globalization.CultureInfo.InvariantCulture)})" })];
    }

    public static string Group(Flag flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        return flag.Status switch
        {
            FlagStatus.Raised or FlagStatus.Continued => GroupOrder[0],
            FlagStatus.PracticeApproved => GroupOrder[1],
            FlagStatus.FollowUpDue => GroupOrder[2],
            FlagStatus.Escalated => GroupOrder[3],
            FlagStatus.SessionLogged => GroupOrder[4],
            _ => GroupOrder[5],
        };
    }

    private static int GroupRank(string group) => GroupOrder.TakeWhile(g => g != group).Count();

    private static string Line(Flag flag)
    {
        var state = flag.Status switch
        {
            FlagStatus.SessionLogged => $" \u00b7 follow-up scoring {CardText.Day(flag.FollowUpDate)}",
            FlagStatus.Continued => $" \u00b7 cycle {flag.Cycle}",
            FlagStatus.Closed => " \u00b7 resolved",
            FlagStatus.Dismissed => " \u00b7 dismissed",
            _ => "",
        };
        return $"{flag.Plan.CriterionLine} \u00b7 call {flag.CallId}, {CardText.Time(flag.CallTime)}{state}";
    }

    private static CardAction Open(string kind, Flag flag) =>
        new(CardVerbs.OpenCard, OpenCardTitle, CardActionStyle.Default, CardText.Data(kind, flag.Id, flag.Revision), []);
}
