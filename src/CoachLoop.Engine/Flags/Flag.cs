using System.Globalization;
using CoachLoop.Engine.Calls;
using CoachLoop.Engine.Coaching;
using CoachLoop.Engine.Common;
using CoachLoop.Engine.Disputes;
using CoachLoop.Engine.FollowUps;
using CoachLoop.Engine.Rubrics;

namespace CoachLoop.Engine.Flags;

/// <summary>
/// A score that demands attention, and the coaching loop around it:
/// raised -> practice approved (or scenario swapped) -> session logged -> follow-up due ->
/// closed | continued | escalated. Dismissing needs a reason. Every move is a guarded method
/// that throws <see cref="DomainException"/> when the flag is not in a state that allows it,
/// and records who did it for the audit trail.
/// </summary>
public sealed partial class Flag : AuditedEntity
{
    private Flag() { }

    protected override string EntityType => "flag";

    public FlagKind Kind { get; private set; }
    public bool Urgent { get; private set; }
    public FlagStatus Status { get; private set; }
    public Guid AgentId { get; private set; }
    public Guid? TeamId { get; private set; }
    public Guid ScoredCallId { get; private set; }
    public string CallId { get; private set; } = "";
    public DateTimeOffset CallTime { get; private set; }
    public Guid RubricId { get; private set; }
    public int RubricVersion { get; private set; }
    public string CriterionId { get; private set; } = "";
    public decimal Weight { get; private set; }
    public decimal Threshold { get; private set; }
    public decimal Score { get; private set; }
    public ActionPlan Plan { get; private set; } = null!;
    public DateOnly FollowUpDate { get; private set; }
    public int Cycle { get; private set; } = 1;
    public int CyclesWithoutMovement { get; private set; }
    public bool FollowUpExtended { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid? ApprovedBy { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public CoachingSession? Session { get; private set; }
    public DateTimeOffset? SessionLoggedAt { get; private set; }
    public DateTimeOffset? PracticeCompletedAt { get; private set; }
    public FollowUpResult? LastFollowUp { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>When the agent accepted the score from their card.</summary>
    public DateTimeOffset? AgentAcceptedAt { get; private set; }

    /// <summary>The agent's dispute of the score, if they raised one.</summary>
    public Guid? DisputeId { get; private set; }
    public string? ClosingNote { get; private set; }

    /// <summary>
    /// The criterion score of another agent's call shown on the card as "what good sounds like" (see
    /// <see cref="PeerExampleRule"/>), chosen once when the flag is raised so the card keeps the same example as it changes.
    /// </summary>
    public Guid? PeerScoreId { get; private set; }

    /// <summary>Bumped on every change; the store uses it as an optimistic concurrency token.</summary>
    public int Revision { get; private set; }

    public bool IsOpen => Status is not (FlagStatus.Closed or FlagStatus.Dismissed);

    public static Flag Raise(FlagDraft draft, ActionPlan plan, ScoredCall call, Guid scoredCallId, Guid agentId, Guid? teamId,
        Rubric rubric, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(rubric);
        var flag = new Flag
        {
            Id = Guid.CreateVersion7(now),
            Kind = draft.Kind,
            Urgent = draft.Urgent,
            Status = FlagStatus.Raised,
            AgentId = agentId,
            TeamId = teamId,
            ScoredCallId = scoredCallId,
            CallId = call.CallId,
            CallTime = call.CallTime,
            RubricId = rubric.Id,
            RubricVersion = rubric.Version,
            CriterionId = draft.Focus.Criterion.Id,
            Weight = draft.Focus.Criterion.Weight,
            Threshold = draft.Focus.Criterion.Threshold,
            Score = draft.Focus.Score,
            Plan = plan,
            FollowUpDate = plan.FollowUpDate,
            RaisedAt = now,
            UpdatedAt = now,
        };
        if (draft is { Kind: FlagKind.Pattern, Streak: { } streak })
        {
            flag.StartStreak(streak, scoredCallId, now);
        }

        flag.Record("raised", Actor.System("api"), now, null, nameof(FlagStatus.Raised), string.Join("; ", draft.Reasons));
        return flag;
    }

    /// <summary>Names the peer example of a flag being raised; once stored, the example stays (no revision: nothing the card acts on).</summary>
    public void ShowPeerExample(Guid scoreId)
    {
        if (PeerScoreId is not null)
        {
            throw new DomainException("flag.peer-example-set", "A flag's peer example is chosen once, when it is raised.");
        }

        PeerScoreId = scoreId;
    }

    public void ApprovePractice(Actor actor, DateTimeOffset now)
    {
        var before = Guard("approve-practice", FlagStatus.Raised, FlagStatus.Continued);
        GuardNotOwnPractice(actor);
        if (Plan.Scenario is null)
        {
            throw new DomainException("flag.no-practice", "There is no practice to approve: swap in a scenario from the catalogue.");
        }

        Approve(actor, now, before, "approve-practice", Plan.Practice);
    }

    public void SwapScenario(Criterion criterion, string scenarioId, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        var before = Guard("swap-scenario", FlagStatus.Raised, FlagStatus.PracticeApproved, FlagStatus.Continued);
        GuardNotOwnPractice(actor);
        if (!string.Equals(criterion.Id, CriterionId, StringComparison.Ordinal))
        {
            throw new DomainException("flag.wrong-criterion", $"The flag is about '{CriterionId}', not '{criterion.Id}'.");
        }

        var scenario = criterion.FindScenario(scenarioId)
            ?? throw new DomainException("flag.unknown-scenario", $"'{scenarioId}' is not in the practice catalogue of {criterion.Name}.");
        Plan = Plan with { Scenario = scenario, Practice = scenario.Describe() };
        Approve(actor, now, before, "swap-scenario", scenario.Describe());
    }

    public void LogSession(CoachingSession session, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        var before = Guard("log-session", FlagStatus.PracticeApproved);
        if (session.FollowUpDate <= session.HeldOn)
        {
            throw new DomainException("flag.follow-up-in-past", "The follow-up scoring date must be after the session.");
        }

        if (session.FollowUpDate > FollowUpSchedule.Latest(session.HeldOn))
        {
            throw new DomainException("flag.follow-up-too-late",
                $"The follow-up scoring date must be within {FollowUpPolicy.AbsoluteMaxDays} days of the session (at the latest {FollowUpSchedule.Latest(session.HeldOn):yyyy-MM-dd}).");
        }

        Session = session;
        SessionLoggedAt = now;
        FollowUpDate = session.FollowUpDate;
        Move(FlagStatus.SessionLogged, actor, now, before, "log-session", $"follow-up {session.FollowUpDate:yyyy-MM-dd}");
    }

    public void CompletePractice(Actor actor, DateTimeOffset now)
    {
        var before = Guard("complete-practice", FlagStatus.PracticeApproved, FlagStatus.SessionLogged, FlagStatus.FollowUpDue);
        if (PracticeCompletedAt is not null)
        {
            throw new DomainException("flag.practice-already-completed", "The practice is already marked completed.");
        }

        PracticeCompletedAt = now;
        Move(Status, actor, now, before, "complete-practice", Plan.Practice);
    }

    /// <summary>The follow-up scoring date has come: the flag waits for its evaluation.</summary>
    public void MarkFollowUpDue(DateOnly today, Actor actor, DateTimeOffset now)
    {
        var before = Guard("follow-up-due", FlagStatus.SessionLogged);
        if (today < FollowUpDate)
        {
            throw new DomainException("flag.follow-up-not-due", $"The follow-up is due on {FollowUpDate:yyyy-MM-dd}, not yet.");
        }

        Move(FlagStatus.FollowUpDue, actor, now, before, "follow-up-due", null);
    }

    /// <summary>Records a follow-up scoring and moves the loop on: close, continue with another practice, or escalate.</summary>
    public void RecordFollowUp(FollowUpResult result, Criterion criterion, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(criterion);
        var before = Guard("record-follow-up", FlagStatus.FollowUpDue);
        LastFollowUp = result;
        CyclesWithoutMovement = result.CyclesWithoutMovement;
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"baseline {Show(result.Baseline)}, after {Show(result.After)}, delta {Show(result.Delta)}, {result.CallsSince} calls: {result.Next}");
        switch (result.Next)
        {
            case NextAction.Close:
                ClosedAt = now;
                Move(FlagStatus.Closed, actor, now, before, "follow-up", detail);
                break;
            case NextAction.Escalate:
                Move(FlagStatus.Escalated, actor, now, before, "follow-up", detail);
                break;
            case NextAction.NotEnoughData when !FollowUpExtended && Session is not null:
                FollowUpExtended = true;
                FollowUpDate = FollowUpSchedule.Extend(Session.HeldOn, FollowUpDate, FollowUpSchedule.ExtensionDays);
                Move(FlagStatus.SessionLogged, actor, now, before, "follow-up-extended", $"{detail}; next scoring {FollowUpDate:yyyy-MM-dd}");
                break;
            default:
                Cycle++;
                var next = ActionPlanBuilder.SuggestScenario(criterion, Plan.Scenario?.Id);
                Plan = Plan with { Scenario = next, Practice = next?.Describe() };
                Move(FlagStatus.Continued, actor, now, before, "follow-up", detail);
                break;
        }
    }

    /// <summary>The agent accepts the score. Once: a score is accepted or disputed, not both.</summary>
    public void AcceptScore(Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var before = GuardAgentResponse(actor, "accept");
        AgentAcceptedAt = now;
        Move(Status, actor, now, before, "agent-accept", null);
    }

    /// <summary>The agent disputes the score with a reason; the dispute goes to a reviewer with an answer deadline.</summary>
    public Dispute OpenDispute(string reason, Actor actor, DateTimeOffset now, TimeSpan? answerWindow = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var before = GuardAgentResponse(actor, "dispute");
        var dispute = Dispute.Open(Id, ScoredCallId, CriterionId, AgentId, reason, actor, now, answerWindow);
        DisputeId = dispute.Id;
        Move(Status, actor, now, before, "agent-dispute", dispute.Reason);
        return dispute;
    }

    /// <summary>
    /// Applies a decided dispute: an overturned score withdraws the flag (it no longer counts); an upheld
    /// one leaves the flag where it was and says so.
    /// </summary>
    public void ApplyDisputeDecision(Dispute dispute, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        if (dispute.Id != DisputeId)
        {
            throw new DomainException("flag.wrong-dispute", "That dispute is not about this flag.");
        }

        // Every branch moves the revision, so two reviewers deciding at once cannot both win.
        switch (dispute.Status)
        {
            case DisputeStatus.Overturned when IsOpen:
                Withdraw($"score overturned on dispute{(dispute.DecisionNote is null ? "" : ": " + dispute.DecisionNote)}", actor, now);
                break;
            case DisputeStatus.Overturned:
                Move(Status, actor, now, Status, "dispute-overturned", dispute.DecisionNote);
                break;
            case DisputeStatus.Upheld:
                Move(Status, actor, now, Status, "dispute-upheld", dispute.DecisionNote);
                break;
            default:
                throw new DomainException("dispute.open", "The dispute has not been decided yet.");
        }
    }

    private FlagStatus GuardAgentResponse(Actor actor, string what)
    {
        var before = GuardOpen(what + " the score of");
        if (actor.PersonId != AgentId)
        {
            throw new DomainException("flag.not-own-score", $"Only the agent can {what} their own score.");
        }

        if (AgentAcceptedAt is not null || DisputeId is not null)
        {
            throw new DomainException("flag.already-responded", "The score was already accepted or disputed.");
        }

        return before;
    }

    /// <summary>A manager resolves the flag from the card.</summary>
    public void Resolve(string? note, Actor actor, DateTimeOffset now)
    {
        var before = GuardOpen("resolve");
        ClosedAt = now;
        ClosingNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Move(FlagStatus.Closed, actor, now, before, "resolve", ClosingNote);
    }

    /// <summary>Dismiss: not worth coaching. A reason is required; only before a session is logged.</summary>
    public void Dismiss(string reason, Actor actor, DateTimeOffset now)
    {
        var before = Guard("dismiss", FlagStatus.Raised, FlagStatus.PracticeApproved, FlagStatus.Continued);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("flag.reason-required", "Dismissing a flag needs a reason.");
        }

        ClosedAt = now;
        ClosingNote = reason.Trim();
        Move(FlagStatus.Dismissed, actor, now, before, "dismiss", ClosingNote);
    }

    /// <summary>The score behind the flag was overturned on dispute: the flag no longer stands.</summary>
    public void Withdraw(string reason, Actor actor, DateTimeOffset now)
    {
        var before = GuardOpen("withdraw");
        ClosedAt = now;
        ClosingNote = reason;
        Move(FlagStatus.Dismissed, actor, now, before, "withdraw", reason);
    }

    private void Approve(Actor actor, DateTimeOffset now, FlagStatus before, string action, string? detail)
    {
        if (before == FlagStatus.Continued)
        {
            Session = null;
            SessionLoggedAt = null;
            PracticeCompletedAt = null;
            FollowUpExtended = false;
        }

        ApprovedBy = actor.PersonId;
        ApprovedAt = now;
        Move(FlagStatus.PracticeApproved, actor, now, before, action, detail);
    }

    // The rulebook keeps a human other than the agent in the loop: the agent never approves their own practice.
    private void GuardNotOwnPractice(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.PersonId == AgentId)
        {
            throw new DomainException("flag.own-practice", "An agent cannot approve or swap their own practice: their manager decides.");
        }
    }

    private FlagStatus Guard(string action, params FlagStatus[] allowed)
    {
        if (Array.IndexOf(allowed, Status) < 0)
        {
            throw new DomainException("flag.illegal-transition",
                $"Cannot {Phrase(action)} a flag that is {Describe(Status)}.");
        }

        return Status;
    }

    private FlagStatus GuardOpen(string action) =>
        IsOpen ? Status : throw new DomainException("flag.illegal-transition", $"Cannot {Phrase(action)} a flag that is {Describe(Status)}.");

    private void Move(FlagStatus to, Actor actor, DateTimeOffset now, FlagStatus before, string action, string? detail)
    {
        Status = to;
        UpdatedAt = now;
        Revision++;
        Record(action, actor, now, before.ToString(), to.ToString(), detail);
    }

    private static string Phrase(string action) => action switch
    {
        "approve-practice" => "approve the practice of",
        "swap-scenario" => "swap the scenario of",
        "log-session" => "log a session on",
        "complete-practice" => "complete the practice of",
        "follow-up-due" => "mark the follow-up due on",
        "record-follow-up" => "record a follow-up on",
        _ => action.Replace('-', ' '),
    };

    private static string Show(decimal? value) => value?.ToString("0.#", CultureInfo.InvariantCulture) ?? "n/a";

    private static string Describe(FlagStatus status) => status switch
    {
        FlagStatus.Raised => "raised",
        FlagStatus.PracticeApproved => "past practice approval",
        FlagStatus.SessionLogged => "past its session",
        FlagStatus.FollowUpDue => "waiting for its follow-up",
        FlagStatus.Continued => "continued",
        FlagStatus.Closed => "closed",
        FlagStatus.Escalated => "escalated",
        FlagStatus.Dismissed => "dismissed",
        _ => status.ToString(),
    };
}
