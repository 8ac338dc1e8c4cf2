namespace CoachLoop.Bot.Telemetry;

/// <summary>Values of coachloop.outcome on coachloop.cards.delivered and the send spans.</summary>
public static class DeliveryOutcomes
{
    /// <summary>The channel took the message.</summary>
    public const string Sent = "sent";

    /// <summary>A later update of the same card was queued, so this one was settled without a call.</summary>
    public const string Superseded = "superseded";

    /// <summary>Failed or throttled; tried again later.</summary>
    public const string Retry = "retry";

    /// <summary>Dead-lettered: a permanent failure, or the attempts ran out.</summary>
    public const string Dead = "dead";
}
