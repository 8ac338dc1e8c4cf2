using System.Diagnostics;
using CoachLoop.Bot.Telemetry;
using CoachLoop.Data.Records;

namespace CoachLoop.Bot.Outbox;

/// <summary>The span of one send: which message, lane and attempt, and what the channel answered.</summary>
internal static class SendTelemetry
{
    public static Activity? Start(PreparedMessage prepared)
    {
        var activity = CoachLoopActivities.Source.StartActivity(CoachLoopActivities.OutboxSend, ActivityKind.Producer);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(CoachLoopTags.Channel, prepared.Post.Channel);
            activity.SetTag(CoachLoopTags.Lane, prepared.Message.Lane);
            activity.SetTag(CoachLoopTags.MessageId, prepared.Message.Id);
            activity.SetTag(CoachLoopTags.Operation, OperationName(prepared.Message.Operation));
            activity.SetTag(CoachLoopTags.Attempt, prepared.Message.Attempts);
            activity.SetTag(CoachLoopTags.CardKind, prepared.Post.CardKind);
        }

        return activity;
    }

    public static void Finish(Activity? activity, PreparedMessage prepared, SendResult result)
    {
        if (activity is null)
        {
            return;
        }

        var outcome = result.Status switch
        {
            SendStatus.Sent when prepared.Answer is not null => DeliveryOutcomes.Superseded,
            SendStatus.Sent => DeliveryOutcomes.Sent,
            SendStatus.Retry => DeliveryOutcomes.Retry,
            _ => "permanent",
        };
        activity.SetTag(CoachLoopTags.Outcome, outcome);
        if (result.Status != SendStatus.Sent)
        {
            activity.SetStatus(ActivityStatusCode.Error, result.Error);
        }
    }

    public static string OperationName(OutboxOperation operation) => operation == OutboxOperation.Post ? "post" : "update";
}
