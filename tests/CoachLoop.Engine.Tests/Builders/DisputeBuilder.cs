namespace CoachLoop.Engine.Tests.Builders;

/// <summary>The agent's dispute of the empathy score on call 4471, opened now with the default three-day window.</summary>
public sealed class DisputeBuilder
{
    public static readonly Guid FlagId = new("0199f2a0-0000-7000-8000-0000000000f1");

    private string _reason = "At 00:12:04 I did acknowledge the frustration: 'I hear you'.";
    private Actor _openedBy = Actors.Agent;
    private TimeSpan? _window;

    public DisputeBuilder WithReason(string reason)
    {
        _reason = reason;
        return this;
    }

    public DisputeBuilder OpenedBy(Actor actor)
    {
        _openedBy = actor;
        return this;
    }

    public DisputeBuilder WithAnswerWindow(TimeSpan window)
    {
        _window = window;
        return this;
    }

    public Dispute Open() =>
        Dispute.Open(FlagId, FlagBuilder.ScoredCallId, "empathy", Actors.AgentId, _reason, _openedBy, Moments.Now, _window);
}
