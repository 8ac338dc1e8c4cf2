namespace CoachLoop.Bot.Webhooks;

/// <summary>What a webhook delivery sends: the stored event body, to the subscription's URL, signed with its secret.</summary>
public sealed record WebhookRequest(Guid SubscriptionId, Guid EventId, string EventType, Uri Url, string Secret, string Body);
