using CoachLoop.Engine.Disputes;

namespace CoachLoop.Bot.Cards.Builders;

/// <summary>The dispute card for the reviewer, in the manager's channel: the score, the evidence, the agent's reason; uphold or overturn.</summary>
public static class DisputeCardBuilder
{
    public static Card Build(Dispute dispute, FlagCardContext flagContext, string? deciderName)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        ArgumentNullException.ThrowIfNull(flagContext);
        var flag = flagContext.Flag;
        var name = flagContext.Criterion?.Name ?? flag.CriterionId;
        var version = dispute.Status == DisputeStatus.Open ? 0 : 1;
        var status = dispute.Status switch
        {
            DisputeStatus.Open => $"Open: answer due {CardText.Time(dispute.Deadline)}{(dispute.Escalated ? " (overdue, escalated to the QA lead)" : "")}.",
            DisputeStatus.Upheld => $"Upheld by {deciderName ?? "a reviewer"}, {CardText.Time(dispute.DecidedAt!.Value)}: the score stands.",
            _ => $"Overturned by {deciderName ?? "a reviewer"}, {CardText.Time(dispute.DecidedAt!.Value)}: the score no longer counts.",
        };
        if (dispute.DecisionNote is { } note)
        {
            status += $" Note: {note}";
        }

        var actions = new List<CardAction>();
        if (dispute.Status == DisputeStatus.Open)
        {
            var data = CardText.Data(CardKinds.Dispute, dispute.Id, version);
            actions.Add(new(CardVerbs.UpholdDispute, "Uphold score", CardActionStyle.Default, data,
                [new("upholdNote", "Note to the agent (optional)", CardInputKind.MultilineText, false, MaxLength: FlagActions.MaxText)]));
            actions.Add(new(CardVerbs.OverturnDispute, "Overturn score", CardActionStyle.Destructive, data,
                [new("overturnNote", "Why is the score overturned?", CardInputKind.MultilineText, true, MaxLength: FlagActions.MaxText,
                    ErrorMessage: "Say why the score is overturned.")]));
        }

        var title = $"Dispute: {flagContext.AgentName} on {name}";
        return new Card(CardKinds.Dispute, dispute.Id, version, title, $"Call {flag.CallId} · {CardText.Time(flag.CallTime)}",
            dispute.Status == DisputeStatus.Open ? CardTone.Attention : CardTone.Default,
            [new("Criterion", flag.Plan.CriterionLine), new("Opened", CardText.Time(dispute.OpenedAt))],
            flag.Plan.Quote is null ? null : new CardQuote(flag.Plan.Quote, flag.Plan.QuoteOffset), null,
            [new("The agent's reason", dispute.Reason)], status, actions, $"{title}: {dispute.Reason}")
        {
            Badge = dispute.Status switch { DisputeStatus.Upheld => "Upheld", DisputeStatus.Overturned => "Overturned", _ => null },
            ActionsFor = actions.Count > 0 ? CardAudience.Describe(CardKinds.Dispute, flagContext.ManagerName, flagContext.AgentName) : null,
        };
    }
}
