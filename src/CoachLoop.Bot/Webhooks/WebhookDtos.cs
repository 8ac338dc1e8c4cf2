using CoachLoop.Data.Records;
using CoachLoop.Data.Webhooks;

namespace CoachLoop.Bot.Webhooks;

/// <summary>A subscription to create, or the fields to change (absent fields stay as they are).</summary>
internal sealed record WebhookInputDto(string? Url, List<string>? Events, string? Secret, string? Description, bool? Enabled);

/// <summary>
/// A subscription as the API shows it. <see cref="Secret"/> is there only in the answer to the create (or update) that set it:
/// it is shown once.
/// </summary>
internal sealed record WebhookDto(Guid Id, string Url, IReadOnlyList<string> Events, string? Description, bool Enabled, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, string? Secret = null)
{
    public static WebhookDto From(WebhookSubscription s, string? secret = null) =>
        new(s.Id, s.Url, WebhookSubscriptionCache.Split(s.EventTypes), s.Description, s.Enabled, s.CreatedAt, s.UpdatedAt, secret);
}

/// <summary>One event's delivery to the subscription: its outbox state and every attempt, newest deliveries first.</summary>
internal sealed record WebhookDeliveryDto(long Id, Guid EventId, string EventType, OutboxStatus Status, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError, IReadOnlyList<WebhookAttemptDto> AttemptLog);

/// <summary>One attempt: when, the receiver's HTTP status (absent when it did not answer), the error, how long it took.</summary>
internal sealed record WebhookAttemptDto(int Attempt, DateTimeOffset At, int? StatusCode, string? Error, int DurationMs);

/// <summary>The answer to the test endpoint: the ping event queued for the subscription and where its delivery shows.</summary>
internal sealed record WebhookTestDto(Guid EventId, string Deliveries);
