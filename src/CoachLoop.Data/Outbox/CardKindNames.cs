namespace CoachLoop.Data.Outbox;

/// <summary>The card kinds the outbox knows by name (the host's card builders use the same strings).</summary>
public static class CardKindNames
{
    public const string Flag = "flag";
    public const string AgentScore = "agent-score";
    public const string Dispute = "dispute";
    public const string Notice = "notice";
}
