using CoachLoop.Bot.Cards;

namespace CoachLoop.Bot.Outbox;

/// <summary>
/// One channel's way to put a card in a conversation. Only the outbox dispatcher calls it, so throttling
/// and retries live in one place. Implementations translate the channel's answers into a
/// <see cref="SendResult"/>: throttled and transient failures are retried, permanent ones dead-lettered.
/// </summary>
public interface ICardSender
{
    string Channel { get; }

    /// <param name="message">What to send; <see cref="OutboundMessage.IdempotencyKey"/> is the same on every retry of one message.</param>
    Task<SendResult> SendAsync(OutboundMessage message, CancellationToken ct);
}

/// <summary>
/// A post (no <see cref="MessageRef"/>) or an update of the posted message. <see cref="OutcomeUnknown"/>: an earlier attempt
/// may have reached the channel unrecorded, so a sender that can look for <see cref="IdempotencyKey"/> there does so first.
/// </summary>
public sealed record OutboundMessage(string IdempotencyKey, string ConversationId, string? MessageRef, Card Card, bool OutcomeUnknown = false);
