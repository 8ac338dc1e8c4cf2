namespace CoachLoop.Engine.Tests.Builders;

/// <summary>A coaching session on empathy held today, with a follow-up scoring a week later.</summary>
public sealed class SessionBuilder
{
    private DateOnly _heldOn = Moments.Today;
    private DateOnly _followUp = Moments.FollowUpDay;

    public SessionBuilder HeldOn(DateOnly day)
    {
        _heldOn = day;
        return this;
    }

    public SessionBuilder FollowUpOn(DateOnly day)
    {
        _followUp = day;
        return this;
    }

    public CoachingSession Build() =>
        new("empathy", "acknowledge frustration before the fix", "I rushed to the refund because the queue was long",
            "name the customer's frustration in the first reply", "3 billing-dispute role-plays", _followUp, _heldOn);
}
