using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Webhooks;
using CoachLoop.Data;
using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Outbox;

/// <summary>
/// Gets lane heads ready to send, several at once: claims them in one conditional update and reads them with their card posts
/// in one query, settling what needs no send (no sender, nothing to update, superseded). The rest is done per lane, beside
/// the other lanes (<see cref="SendAsync"/>): each builds its current card (a card wanted by two lanes of one pass is built
/// once, <see cref="CardBuilds"/>) and sends it, so the dispatcher's own loop does only the batched claims, reads and
/// records. <see cref="OutboxRecords"/> writes the outcomes.
/// </summary>
public sealed class OutboxDelivery(CoachLoopDbContext db, OutboxStore store, IEnumerable<ICardSender> senders,
    IOptions<OutboxOptions> options, WebhookRequests webhooks)
{
    /// <summary>The messages of <paramref name="ids"/> this host now holds, each with what to send or the outcome known without sending.</summary>
    public async Task<IReadOnlyList<PreparedMessage>> PrepareAsync(IReadOnlyList<long> ids, string owner, CancellationToken ct)
    {
        // The claim, the reads and the card builds share one open connection; it is not held while the channels are called.
        await using var open = await OpenConnection.OpenAsync(db, ct).ConfigureAwait(false);
        if (await store.ClaimAsync(ids, owner, options.Value.Lease, ct).ConfigureAwait(false) == 0)
        {
            return [];
        }

        // The messages we hold now, their card posts and whether a later update of the same card is queued, in one query.
        var claimed = await db.Outbox.AsNoTracking().Where(m => ids.Contains(m.Id) && m.LeaseOwner == owner && m.Status == OutboxStatus.Pending)
            .Join(db.CardPosts.AsNoTracking(), m => m.CardPostId, p => p.Id, (m, p) => new
            {
                Message = m,
                Post = p,
                Superseded = m.Operation == OutboxOperation.Update && db.Outbox.Any(o => o.CardPostId == m.CardPostId
                    && o.Operation == OutboxOperation.Update && o.Status == OutboxStatus.Pending && o.Id > m.Id),
            })
            .ToListAsync(ct).ConfigureAwait(false);
        var prepared = new List<PreparedMessage>(claimed.Count);
        if (claimed.Any(r => r.Post.Channel == WebhookSubscription.WebhookChannel))
        {
            // Webhook deliveries carry their stored event instead of a card; a pass without any reads nothing more.
            prepared.AddRange(await webhooks.PrepareAsync(claimed.Where(r => r.Post.Channel == WebhookSubscription.WebhookChannel)
                .Select(r => (r.Message, r.Post)).ToList(), ct).ConfigureAwait(false));
        }

        foreach (var row in claimed.Where(r => r.Post.Channel != WebhookSubscription.WebhookChannel))
        {
            prepared.Add(Prepare(row.Message, row.Post, row.Superseded));
        }

        return prepared;
    }

    /// <summary>
    /// Builds the card (through <paramref name="builds"/>, with services of the caller's scope) and calls the channel, or calls
    /// the webhook receiver: a sender may use the database too. A card that cannot be built is a retry whose outcome is known
    /// (nothing went out); a sender's exception is a retry whose outcome is unknown (the request may have gone out).
    /// </summary>
    public static async Task<SendResult> SendAsync(PreparedMessage prepared, CardBuilds builds, IServiceProvider services, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(builds);
        ArgumentNullException.ThrowIfNull(services);
        if (prepared.Answer is { } known)
        {
            return known;
        }

        var (message, post) = (prepared.Message, prepared.Post);
        if (prepared.Webhook is { } webhook)
        {
            return await SendGuardedAsync(() => services.GetRequiredService<WebhookSender>().SendAsync(webhook, message, ct), ct).ConfigureAwait(false);
        }

        Card? card;
        try
        {
            card = await builds.BuildAsync(post.CardKind, post.SubjectId, services, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Nothing was sent, so the outcome is known. Recorded like a failed send, the message backs off and is
            // dead-lettered once its attempts run out instead of holding its lane forever.
            return SendResult.Retry($"building the card failed: {ex.GetType().Name}: {ex.Message}");
        }

        if (card is null)
        {
            return SendResult.Permanent($"the {post.CardKind} {post.SubjectId} no longer exists");
        }

        var key = message.Operation == OutboxOperation.Post ? $"post-{post.Id:N}" : $"outbox-{message.Id}";
        var sender = services.GetServices<ICardSender>().First(s => s.Channel == post.Channel);
        return await SendGuardedAsync(() => sender.SendAsync(new OutboundMessage(key, post.ConversationId,
            message.Operation == OutboxOperation.Post ? null : post.MessageRef, card, message.OutcomeUnknown), ct), ct).ConfigureAwait(false);
    }

    private static async Task<SendResult> SendGuardedAsync(Func<Task<SendResult>> send, CancellationToken ct)
    {
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // The sender failed somewhere we cannot see: the message may or may not have gone out.
            return SendResult.Retry($"{ex.GetType().Name}: {ex.Message}", outcomeUnknown: true);
        }
    }

    /// <summary>What needs no send is answered here; the rest goes out with the card built at send time.</summary>
    private PreparedMessage Prepare(OutboxMessage message, CardPost post, bool superseded)
    {
        if (!senders.Any(s => s.Channel == post.Channel))
        {
            return new(message, post, SendResult.Permanent($"no sender for channel '{post.Channel}'"));
        }

        if (message.Operation == OutboxOperation.Update && post.MessageRef is null)
        {
            // The post is in the same lane and was dead-lettered: there is nothing to update.
            return new(message, post, SendResult.Permanent("the card was never posted, so it cannot be updated"));
        }

        // A later update of the same card is queued; it will carry the current state, so this one need not go out.
        return message.Operation == OutboxOperation.Update && superseded
            ? new(message, post, SendResult.Sent(post.MessageRef!))
            : new(message, post, null);
    }
}
