using CoachLoop.Bot.Webhooks;
using CoachLoop.Data.Records;

namespace CoachLoop.Bot.Outbox;

/// <summary>
/// A claimed message with its card post: the outcome when nothing is to be sent, else what to send: for a webhook delivery the
/// stored event with its receiver (<see cref="Webhook"/>), for a card the current card, built when it is sent
/// (<see cref="OutboxDelivery.SendAsync"/>).
/// </summary>
public sealed record PreparedMessage(OutboxMessage Message, CardPost Post, SendResult? Answer, WebhookRequest? Webhook = null);
