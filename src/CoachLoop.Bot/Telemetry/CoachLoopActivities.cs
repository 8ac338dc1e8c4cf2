using System.Diagnostics;

namespace CoachLoop.Bot.Telemetry;

/// <summary>
/// The "CoachLoop" ActivitySource and its span names. StartActivity returns null while no tracer listens, so an uninstrumented
/// host allocates nothing for these spans.
/// </summary>
public static class CoachLoopActivities
{
    public const string SourceName = "CoachLoop";

    public const string OutboxPass = "coachloop.outbox.pass";
    public const string OutboxSend = "coachloop.outbox.send";
    public const string OutboxRecord = "coachloop.outbox.record";
    public const string Intake = "coachloop.intake";
    public const string CardAction = "coachloop.card_action";
    public const string DueWorkJob = "coachloop.job.due_work";
    public const string DigestJob = "coachloop.job.digests";

    public static ActivitySource Source { get; } = new(SourceName);
}
