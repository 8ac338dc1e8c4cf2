namespace CoachLoop.Bot.Telemetry;

/// <summary>Attribute names shared by the CoachLoop spans and metrics.</summary>
public static class CoachLoopTags
{
    public const string Channel = "coachloop.channel";
    public const string Outcome = "coachloop.outcome";
    public const string Source = "coachloop.call.source";
    public const string BatchSize = "coachloop.batch.size";
    public const string FlagKind = "coachloop.flag.kind";
    public const string Verb = "coachloop.card_action.verb";
    public const string CardKind = "coachloop.card.kind";
    public const string Lane = "coachloop.outbox.lane";
    public const string MessageId = "coachloop.outbox.message_id";
    public const string Operation = "coachloop.outbox.operation";
    public const string Attempt = "coachloop.outbox.attempt";
    public const string Sent = "coachloop.digest.sent";
}
