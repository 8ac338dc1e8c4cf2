using CoachLoop.Engine.Common;

namespace CoachLoop.Engine.Disputes;

/// <summary>
/// An agent's challenge of one criterion score: open -> upheld | overturned, with an answer deadline.
/// An overturned score no longer counts toward flags, patterns or trends.
/// </summary>
public sealed class Dispute : AuditedEntity
{
    public static readonly TimeSpan DefaultAnswerWindow = TimeSpan.FromDays(3);

    private Dispute() { }

    protected override string EntityType => "dispute";

    public Guid FlagId { get; private set; }
    public Guid ScoredCallId { get; private set; }
    public string CriterionId { get; private set; } = "";
    public Guid AgentId { get; private set; }
    public string Reason { get; private set; } = "";
    public DisputeStatus Status { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public DateTimeOffset Deadline { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionNote { get; private set; }
    public bool Escalated { get; private set; }

    public bool IsOverdue(DateTimeOffset now) => Status == DisputeStatus.Open && now > Deadline;

    public static Dispute Open(Guid flagId, Guid scoredCallId, string criterionId, Guid agentId, string reason, Actor actor,
        DateTimeOffset now, TimeSpan? answerWindow = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("dispute.reason-required", "A dispute needs a reason: point at the transcript moment.");
        }

        if (actor.PersonId != agentId)
        {
            throw new DomainException("dispute.not-own-score", "Only the agent can dispute their own score.");
        }

        var dispute = new Dispute
        {
            Id = Guid.CreateVersion7(now),
            FlagId = flagId,
            ScoredCallId = scoredCallId,
            CriterionId = criterionId,
            AgentId = agentId,
            Reason = reason.Trim(),
            Status = DisputeStatus.Open,
            OpenedAt = now,
            Deadline = now + (answerWindow ?? DefaultAnswerWindow),
        };
        dispute.Record("open", actor, now, null, nameof(DisputeStatus.Open), dispute.Reason);
        return dispute;
    }

    public void Uphold(string? note, Actor actor, DateTimeOffset now) => Decide(DisputeStatus.Upheld, note, actor, now);

    public void Overturn(string? note, Actor actor, DateTimeOffset now) => Decide(DisputeStatus.Overturned, note, actor, now);

    /// <summary>The deadline passed without an answer: hand it to the QA lead. Happens once.</summary>
    public void Escalate(Actor actor, DateTimeOffset now)
    {
        if (!IsOverdue(now) || Escalated)
        {
            throw new DomainException("dispute.not-overdue", "Only an open dispute past its deadline can be escalated, once.");
        }

        Escalated = true;
        Record("escalate", actor, now, Status.ToString(), Status.ToString(), $"deadline {Deadline:u}");
    }

    private void Decide(DisputeStatus to, string? note, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Status != DisputeStatus.Open)
        {
            throw new DomainException("dispute.already-decided", $"The dispute was already {Status.ToString().ToLowerInvariant()}.");
        }

        if (actor.PersonId == AgentId)
        {
            throw new DomainException("dispute.own-decision", "An agent cannot decide their own dispute.");
        }

        var before = Status;
        Status = to;
        DecidedBy = actor.PersonId;
        DecidedAt = now;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Record(to == DisputeStatus.Upheld ? "uphold" : "overturn", actor, now, before.ToString(), to.ToString(), DecisionNote);
    }
}
