namespace CoachLoop.Engine.Tests.Disputes;

public sealed class DisputeTests
{
    private static readonly DateTimeOffset Deadline = Moments.Now.AddDays(3);

    private readonly DisputeBuilder _disputes = new();

    private static void Decide(Dispute dispute, bool uphold)
    {
        if (uphold)
        {
            dispute.Uphold("checked", Actors.Reviewer, Moments.Now);
        }
        else
        {
            dispute.Overturn("checked", Actors.Reviewer, Moments.Now);
        }
    }

    [Fact]
    public void AgentOpensADisputeOnTheirOwnScoreWithAThreeDayDeadline()
    {
        var dispute = new DisputeBuilder().WithReason("  I said the disclosure at 00:00:20. ").Open();

        Assert.Equal((DisputeStatus.Open, "I said the disclosure at 00:00:20.", false), (dispute.Status, dispute.Reason, dispute.Escalated));
        Assert.Equal((Moments.Now, Deadline), (dispute.OpenedAt, dispute.Deadline));
        Assert.Equal((DisputeBuilder.FlagId, FlagBuilder.ScoredCallId, "empathy", Actors.AgentId),
            (dispute.FlagId, dispute.ScoredCallId, dispute.CriterionId, dispute.AgentId));
        var change = Assert.Single(dispute.PendingChanges);
        Assert.Equal(("dispute", "open", null, "Open", Actors.Agent), (change.EntityType, change.Action, change.Before, change.After, change.Actor));
    }

    [Fact]
    public void AnswerWindowCanBeConfigured() =>
        Assert.Equal(Moments.Now.AddHours(24), _disputes.WithAnswerWindow(TimeSpan.FromHours(24)).Open().Deadline);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void DisputeNeedsAReason(string reason)
    {
        var error = Assert.Throws<DomainException>(() => _disputes.WithReason(reason).Open());

        Assert.Equal("dispute.reason-required", error.Code);
    }

    [Fact]
    public void ManagerCannotOpenADisputeForTheAgent() =>
        Assert.Equal("dispute.not-own-score", Assert.Throws<DomainException>(() => _disputes.OpenedBy(Actors.Manager).Open()).Code);

    [Fact]
    public void AnotherAgentCannotDisputeSomeoneElsesScore() =>
        Assert.Equal("dispute.not-own-score", Assert.Throws<DomainException>(() => _disputes.OpenedBy(Actors.OtherAgent).Open()).Code);

    [Fact]
    public void ReviewerUpholdsTheScoreWithATrimmedNote()
    {
        var dispute = _disputes.Open();

        dispute.Uphold(" the acknowledgement came after the refusal ", Actors.Reviewer, Moments.Now.AddDays(1));

        Assert.Equal((DisputeStatus.Upheld, Actors.ReviewerId, Moments.Now.AddDays(1)), (dispute.Status, dispute.DecidedBy, dispute.DecidedAt));
        Assert.Equal("the acknowledgement came after the refusal", dispute.DecisionNote);
        var change = dispute.PendingChanges[^1];
        Assert.Equal(("uphold", "Open", "Upheld", Actors.Reviewer), (change.Action, change.Before, change.After, change.Actor));
    }

    [Fact]
    public void ManagerOverturnsTheScore()
    {
        var dispute = _disputes.Open();

        dispute.Overturn(null, Actors.Manager, Moments.Now.AddHours(3));

        Assert.Equal((DisputeStatus.Overturned, Actors.ManagerId, null), (dispute.Status, dispute.DecidedBy, dispute.DecisionNote));
        var change = dispute.PendingChanges[^1];
        Assert.Equal(("overturn", "Open", "Overturned", Actors.Manager), (change.Action, change.Before, change.After, change.Actor));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void DisputeIsDecidedOnlyOnce(bool upholdFirst, bool upholdSecond)
    {
        var dispute = _disputes.Open();
        Decide(dispute, upholdFirst);
        var decided = dispute.Status;

        var error = Assert.Throws<DomainException>(() => Decide(dispute, upholdSecond));

        Assert.Equal("dispute.already-decided", error.Code);
        Assert.Equal((decided, 2), (dispute.Status, dispute.PendingChanges.Count));
    }

    [Fact]
    public void AgentCannotDecideTheirOwnDispute()
    {
        var dispute = _disputes.Open();
        var agentActingAsReviewer = Actors.Agent with { Role = ActorRole.Reviewer };

        var error = Assert.Throws<DomainException>(() => dispute.Overturn("I was right", agentActingAsReviewer, Moments.Now));

        Assert.Equal("dispute.own-decision", error.Code);
        Assert.Equal((DisputeStatus.Open, null), (dispute.Status, dispute.DecidedBy));
    }

    [Fact]
    public void OpenDisputeIsOverdueOnlyAfterItsDeadline()
    {
        var dispute = _disputes.Open();

        Assert.Equal((false, false, true), (dispute.IsOverdue(Moments.Now), dispute.IsOverdue(Deadline), dispute.IsOverdue(Deadline.AddTicks(1))));
    }

    [Fact]
    public void AnsweredDisputeIsNeverOverdue()
    {
        var dispute = _disputes.Open();
        dispute.Uphold(null, Actors.Reviewer, Deadline.AddDays(1));

        Assert.False(dispute.IsOverdue(Deadline.AddDays(2)));
    }

    [Fact]
    public void OverdueDisputeEscalatesOnce()
    {
        var dispute = _disputes.Open();

        dispute.Escalate(Actors.Scheduler, Deadline.AddMinutes(1));

        Assert.Equal((true, DisputeStatus.Open), (dispute.Escalated, dispute.Status));
        var change = dispute.PendingChanges[^1];
        Assert.Equal(("escalate", "Open", "Open", Actors.Scheduler), (change.Action, change.Before, change.After, change.Actor));
        Assert.Equal("deadline 2025-10-19 09:00:00Z", change.Detail);
        Assert.Equal("dispute.not-overdue",
            Assert.Throws<DomainException>(() => dispute.Escalate(Actors.Scheduler, Deadline.AddDays(1))).Code);
    }

    [Fact]
    public void DisputeCannotEscalateBeforeItsDeadline()
    {
        var dispute = _disputes.Open();

        Assert.Equal("dispute.not-overdue", Assert.Throws<DomainException>(() => dispute.Escalate(Actors.Scheduler, Deadline)).Code);
        Assert.False(dispute.Escalated);
    }

    [Fact]
    public void AnsweredDisputeCannotEscalate()
    {
        var dispute = _disputes.Open();
        dispute.Overturn(null, Actors.Reviewer, Deadline.AddHours(1));

        Assert.Throws<DomainException>(() => dispute.Escalate(Actors.Scheduler, Deadline.AddHours(2)));
        Assert.False(dispute.Escalated);
    }

    [Fact]
    public void EscalatedDisputeCanStillBeAnswered()
    {
        var dispute = _disputes.Open();
        dispute.Escalate(Actors.Scheduler, Deadline.AddHours(1));

        dispute.Uphold("QA lead checked the recording", Actors.Reviewer, Deadline.AddHours(5));

        Assert.Equal((DisputeStatus.Upheld, true), (dispute.Status, dispute.Escalated));
    }
}
