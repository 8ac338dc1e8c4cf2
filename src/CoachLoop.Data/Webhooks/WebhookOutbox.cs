using System.Text.Json.Nodes;
using CoachLoop.Data.Records;

namespace CoachLoop.Data.Webhooks;

/// <summary>
/// Adds an event and one delivery per subscription to the unit of work: the event row (the payload, sent as stored) and, per
/// subscription, a "webhook" card post about the event with its outbox post in the subscription's own lane. The outbox then
/// delivers it like any card: claims with leases, backoff, Retry-After, dead letters.
/// </summary>
public static class WebhookOutbox
{
    public const string Kind = "webhook";

    public static Guid Add(CoachLoopDbContext db, IReadOnlyCollection<Guid> subscriptions, string type, DateTimeOffset occurredAt, JsonObject data,
        DateTimeOffset now, ICollection<object>? added = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subscriptions);
        var id = Guid.CreateVersion7(now);
        var stored = new WebhookEvent { Id = id, Type = type, OccurredAt = occurredAt, Payload = WebhookPayloads.Envelope(id, type, occurredAt, data) };
        db.WebhookEvents.Add(stored);
        added?.Add(stored);
        foreach (var subscription in subscriptions)
        {
            var post = new CardPost
            {
                Id = Guid.CreateVersion7(now), CardKind = Kind, SubjectId = id, Channel = WebhookSubscription.WebhookChannel,
                ConversationId = subscription.ToString("D"), CreatedAt = now, UpdatedAt = now,
            };
            var message = new OutboxMessage
            {
                CardPostId = post.Id, Operation = OutboxOperation.Post, Lane = WebhookSubscription.LaneOf(subscription), Status = OutboxStatus.Pending,
                NextAttemptAt = now, CreatedAt = now,
            };
            db.CardPosts.Add(post);
            db.Outbox.Add(message);
            added?.Add(post);
            added?.Add(message);
        }

        return id;
    }
}
