namespace CoachLoop.Data.Records;

/// <summary>
/// An integration's subscription: where events go (<see cref="Url"/>), which ones (<see cref="EventTypes"/>, space-separated),
/// and the secret that signs them, stored protected (<see cref="Webhooks.WebhookSecrets"/>) because it must sign, not only match.
/// </summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; set; }
    public string Url { get; set; } = "";
    public string EventTypes { get; set; } = "";
    public string Secret { get; set; } = "";
    public string? Description { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The outbox lane of this subscription's deliveries: one per subscription, so a failing receiver holds up only itself.</summary>
    public static string LaneOf(Guid id) => $"{WebhookChannel}|{id:D}|normal";

    /// <summary>The outbox "channel" of webhook deliveries (<see cref="CardPost.Channel"/>); the conversation is the subscription id.</summary>
    public const string WebhookChannel = "webhook";
}
