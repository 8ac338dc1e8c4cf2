namespace CoachLoop.Engine.Tests.Builders;

/// <summary>
/// A flag on the demo call 4471 where empathy scored 45 (threshold 60), raised through the real
/// rules and plan builder, then walked along legal moves to the status a test needs.
/// </summary>
public sealed class FlagBuilder
{
    public static readonly Guid ScoredCallId = new("0199f2a0-0000-7000-8000-0000000000c1");
    public static readonly Evidence EmpathyEvidence =
        new("I hear you. That is just our policy, sorry. Anything else today?", new TimeSpan(0, 12, 4), Quotes.FailingSentence);

    private readonly RubricBuilder _rubric = new();

    public Rubric Rubric => _rubric.Build();

    /// <summary>Swaps in a variant of the empathy criterion (same id).</summary>
    public FlagBuilder WithEmpathy(Criterion empathy)
    {
        _rubric.Replacing(empathy);
        return this;
    }

    public Flag Raised()
    {
        var rubric = Rubric;
        var call = new ScoredCallBuilder(rubric).Scoring("empathy", 45m, EmpathyEvidence).WithOverall(72m).Build();
        var draft = FlagRules.Evaluate(rubric, call, AgentHistory.Empty).Single();
        var plan = ActionPlanBuilder.Build(draft, call, typicalCallsPerDay: 25, Moments.Now);
        return Flag.Raise(draft, plan, call, ScoredCallId, Actors.AgentId, Actors.TeamId, rubric, Moments.Now);
    }

    public Flag At(FlagStatus status)
    {
        var flag = Raised();
        switch (status)
        {
            case FlagStatus.Raised:
                break;
            case FlagStatus.PracticeApproved:
                flag.ApprovePractice(Actors.Manager, Moments.Now);
                break;
            case FlagStatus.SessionLogged:
                ToSessionLogged(flag);
                break;
            case FlagStatus.FollowUpDue:
                ToFollowUpDue(flag);
                break;
            case FlagStatus.Continued:
                ToFollowUpDue(flag);
                flag.RecordFollowUp(NoMovement(flag), DemoCriteria.Empathy, Actors.Scheduler, Moments.FollowUpMorning);
                break;
            case FlagStatus.Escalated:
                ToFollowUpDue(flag);
                flag.RecordFollowUp(NoMovement(flag), DemoCriteria.Empathy, Actors.Scheduler, Moments.FollowUpMorning);
                ToFollowUpDue(flag);
                flag.RecordFollowUp(NoMovement(flag), DemoCriteria.Empathy, Actors.Scheduler, Moments.FollowUpMorning);
                break;
            case FlagStatus.Closed:
                flag.Resolve("handled in the team huddle", Actors.Manager, Moments.Now);
                break;
            case FlagStatus.Dismissed:
                flag.Dismiss("scorer misheard the call", Actors.Manager, Moments.Now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, null);
        }

        return flag;
    }

    /// <summary>Approve (again, when continued) and log a session held today.</summary>
    public static void ToSessionLogged(Flag flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        flag.ApprovePractice(Actors.Manager, Moments.Now);
        flag.LogSession(new SessionBuilder().Build(), Actors.Manager, Moments.Now);
    }

    public static void ToFollowUpDue(Flag flag)
    {
        ToSessionLogged(flag);
        flag.MarkFollowUpDue(flag.FollowUpDate, Actors.Scheduler, Moments.FollowUpMorning);
    }

    /// <summary>Empathy went from 45 to 47: below 60 and under the 5-point movement bar.</summary>
    public static FollowUpResult NoMovement(Flag flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        return FollowUpEvaluator.Evaluate(60m, [45m], [47m, 46m, 48m, 47m, 47m], flag.CyclesWithoutMovement);
    }
}
