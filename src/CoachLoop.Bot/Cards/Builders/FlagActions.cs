using CoachLoop.Engine.Flags;
using CoachLoop.Engine.FollowUps;

namespace CoachLoop.Bot.Cards.Builders;

/// <summary>The buttons a flag card shows: only the moves its state allows; none once it is closed or dismissed.</summary>
internal static class FlagActions
{
    public const int MaxText = 1000;

    public static IReadOnlyList<CardAction> For(FlagCardContext context)
    {
        var flag = context.Flag;
        var data = CardText.Data(CardKinds.Flag, flag.Id, flag.Revision);
        var actions = new List<CardAction>();
        var canApprove = flag.Status is FlagStatus.Raised or FlagStatus.Continued;
        if (canApprove && flag.Plan.Scenario is not null)
        {
            actions.Add(new(CardVerbs.ApprovePractice, "Approve practice", CardActionStyle.Primary, data, []));
        }

        if (flag.Status == FlagStatus.PracticeApproved)
        {
            actions.Add(new(CardVerbs.LogSession, "Log session", CardActionStyle.Primary, data, SessionForm(context)));
        }

        if ((canApprove || flag.Status == FlagStatus.PracticeApproved) && context.Criterion is { Scenarios.Count: > 1 } criterion)
        {
            var choices = criterion.Scenarios.Select(s => new CardChoice(s.Describe(), s.Id)).ToList();
            actions.Add(new(CardVerbs.SwapScenario, "Swap scenario", CardActionStyle.Default, data,
                [new("scenarioId", "Practice scenario", CardInputKind.Choice, true, flag.Plan.Scenario?.Id, choices)]));
        }

        if (flag.Status is FlagStatus.PracticeApproved or FlagStatus.SessionLogged && flag.PracticeCompletedAt is null)
        {
            actions.Add(new(CardVerbs.CompletePractice, "Practice done", CardActionStyle.Default, data, []));
        }

        if (flag.IsOpen)
        {
            actions.Add(new(CardVerbs.Resolve, "Resolve", CardActionStyle.Default, data,
                [new("note", "Resolution note (optional)", CardInputKind.MultilineText, false, MaxLength: MaxText)]));
        }

        if (flag.Status is FlagStatus.Raised or FlagStatus.PracticeApproved or FlagStatus.Continued)
        {
            actions.Add(new(CardVerbs.Dismiss, "Dismiss", CardActionStyle.Destructive, data,
                [new("reason", "Why dismiss this flag?", CardInputKind.MultilineText, true, MaxLength: MaxText,
                    ErrorMessage: "A reason is required to dismiss a flag.")]));
        }

        return actions;
    }

    /// <summary>The session log, prefilled from the plan: the manager adjusts rather than types.</summary>
    private static IReadOnlyList<CardInput> SessionForm(FlagCardContext context)
    {
        var plan = context.Flag.Plan;
        var followUp = plan.FollowUpDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return
        [
            new("targetedBehaviour", "Targeted behaviour", CardInputKind.Text, true, plan.ExpectedBehaviour, MaxLength: MaxText),
            new("selfAssessment", "Agent's self-assessment (about 70% of the session)", CardInputKind.MultilineText, true, MaxLength: MaxText,
                ErrorMessage: "Record the agent's own assessment."),
            new("agreedBehaviour", "Agreed alternative behaviour", CardInputKind.MultilineText, true, MaxLength: MaxText,
                ErrorMessage: "Record the behaviour you agreed on."),
            new("practice", "Practice assigned", CardInputKind.Text, true, plan.Practice, MaxLength: MaxText),
            new("followUpDate", $"Follow-up scoring date (within {FollowUpPolicy.AbsoluteMaxDays} days)", CardInputKind.Date, true, followUp),
            new("notes", "Notes (optional)", CardInputKind.MultilineText, false, MaxLength: MaxText),
        ];
    }
}
