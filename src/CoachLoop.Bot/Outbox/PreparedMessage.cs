using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Webhooks;
using CoachLoop.Data.Records;

namespace CoachLoop.Bot.Outbox;

/// <summary>
/// A claimed message with its card post: the outcome when nothing is to be sent, else what to send: the current card, or for a
/// webhook delivery the stored event with its receiver (<see cref="Webhook"/>).
/// </summary>
public sealed record PreparedMessage(OutboxMessage Message, CardPost Post, SendResult? Answer, Card? Card, WebhookRequest? Webhook = null);
