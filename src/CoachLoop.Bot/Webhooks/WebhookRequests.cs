using CoachLoop.Bot.Outbox;
using CoachLoop.Data;
using CoachLoop.Data.Records;
using CoachLoop.Data.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Webhooks;

/// <summary>
/// The outbox's webhook "channel" at prepare time: a claimed delivery gets its stored event body and its subscription's URL and
/// secret (two reads for all of a pass's deliveries, none when the pass has none). A deleted or disabled subscription's delivery
/// is dead-lettered without a request.
/// </summary>
public sealed class WebhookRequests(CoachLoopDbContext db, WebhookSecrets secrets)
{
    public async Task<IReadOnlyList<PreparedMessage>> PrepareAsync(IReadOnlyList<(OutboxMessage Message, CardPost Post)> deliveries, CancellationToken ct)
    {
        var eventIds = deliveries.Select(d => d.Post.SubjectId).Distinct().ToList();
        var subscriptionIds = deliveries.Select(d => Guid.TryParse(d.Post.ConversationId, out var id) ? id : Guid.Empty).Distinct().ToList();
        var events = await db.WebhookEvents.AsNoTracking().Where(e => eventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct).ConfigureAwait(false);
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => subscriptionIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, ct).ConfigureAwait(false);
        return deliveries.Select(d => Prepare(d.Message, d.Post, events, subscriptions)).ToList();
    }

    private PreparedMessage Prepare(OutboxMessage message, CardPost post, Dictionary<Guid, WebhookEvent> events,
        Dictionary<Guid, WebhookSubscription> subscriptions)
    {
        if (!Guid.TryParse(post.ConversationId, out var id) || !subscriptions.TryGetValue(id, out var subscription))
        {
            return new(message, post, SendResult.Permanent("the subscription was deleted"));
        }

        if (!subscription.Enabled)
        {
            return new(message, post, SendResult.Permanent("the subscription is disabled"));
        }

        if (!events.TryGetValue(post.SubjectId, out var stored))
        {
            return new(message, post, SendResult.Permanent($"the event {post.SubjectId} no longer exists"));
        }

        string secret;
        try
        {
            secret = secrets.Unprotect(subscription.Secret);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or System.Security.Cryptography.CryptographicException)
        {
            // This host cannot read the secret (no or another Webhooks:SecretKey): nothing was sent; back off, then a dead letter that says why.
            return new(message, post, SendResult.Retry($"the subscription's secret cannot be read on this host: {ex.Message}"));
        }

        return new(message, post, null, new WebhookRequest(subscription.Id, stored.Id, stored.Type, new Uri(subscription.Url), secret, stored.Payload));
    }
}
