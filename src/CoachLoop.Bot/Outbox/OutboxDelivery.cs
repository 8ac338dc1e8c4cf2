using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Webhooks;
using CoachLoop.Data;
using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Outbox;

/// <summary>
/// Gets lane heads ready to send, several at once: claims them in one conditional update, reads them with their card posts in
/// one query and builds each current card (a card wanted by two messages is built once). The sends themselves happen outside,
/// one per lane (<see cref="SendAsync"/>), and <see cref="OutboxRecords"/> writes their outcomes.
/// </summary>
public sealed class OutboxDelivery(CoachLoopDbContext db, OutboxStore store, CardFactory cards, IEnumerable<ICardSender> senders,
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
        var built = new Dictionary<(string, Guid), Card?>();
        var prepared = new List<PreparedMessage>(claimed.Count);
        if (claimed.Any(r => r.Post.Channel == WebhookSubscription.WebhookChannel))
        {
            // Webhook deliveries carry their stored event instead of a card; a pass without any reads nothing more.
            prepared.AddRange(await webhooks.PrepareAsync(claimed.Where(r => r.Post.Channel == WebhookSubscription.WebhookChannel)
                .Select(r => (r.Message, r.Post)).ToList(), ct).ConfigureAwait(false));
        }

        foreach (var row in claimed.Where(r => r.Post.Channel != WebhookSubscription.WebhookChannel))
        {
            prepared.Add(await PrepareAsync(row.Message, row.Post, row.Superseded, built, ct).ConfigureAwait(false));
        }

        return prepared;
    }

    /// <summary>Calls the channel or the webhook receiver (with services of the caller's scope: a sender may use the database); a sender's exception is a retry whose outcome is unknown (the request may have gone out).</summary>
    public static async Task<SendResult> SendAsync(PreparedMessage prepared, IServiceProvider services, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(services);
        if (prepared.Answer is { } known)
        {
            return known;
        }

        var (message, post) = (prepared.Message, prepared.Post);
        try
        {
            if (prepared.Webhook is { } webhook)
            {
                return await services.GetRequiredService<WebhookSender>().SendAsync(webhook, message, ct).ConfigureAwait(false);
            }

            var senders = services.GetServices<ICardSender>();
            var key = message.Operation == OutboxOperation.Post ? $"post-{post.Id:N}" : $"outbox-{message.Id}";
            var sender = senders.First(s => s.Channel == post.Channel);
            return await sender.SendAsync(new OutboundMessage(key, post.ConversationId,
                message.Operation == OutboxOperation.Post ? null : post.MessageRef, prepared.Card!, message.OutcomeUnknown), ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // The sender failed somewhere we cannot see: the message may or may not have gone out.
            return SendResult.Retry($"{ex.GetType().Name}: {ex.Message}", outcomeUnknown: true);
        }
    }

    private async Task<PreparedMessage> PrepareAsync(OutboxMessage message, CardPost post, bool superseded, Dictionary<(string, Guid), Card?> built,
        CancellationToken ct)
    {
        if (!senders.Any(s => s.Channel == post.Channel))
        {
            return new(message, post, SendResult.Permanent($"no sender for channel '{post.Channel}'"), null);
        }

        if (message.Operation == OutboxOperation.Update && post.MessageRef is null)
        {
            // The post is in the same lane and was dead-lettered: there is nothing to update.
            return new(message, post, SendResult.Permanent("the card was never posted, so it cannot be updated"), null);
        }

        if (message.Operation == OutboxOperation.Update && superseded)
        {
            // A later update of the same card is queued; it will carry the current state, so this one need not go out.
            return new(message, post, SendResult.Sent(post.MessageRef!), null);
        }

        Card? card;
        try
        {
            if (!built.TryGetValue((post.CardKind, post.SubjectId), out card))
            {
                card = await cards.BuildAsync(post.CardKind, post.SubjectId, ct).ConfigureAwait(false);
                built[(post.CardKind, post.SubjectId)] = card;
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Nothing was sent, so the outcome is known. Recorded like a failed send, the message backs off and is
            // dead-lettered once its attempts run out instead of holding its lane forever.
            return new(message, post, SendResult.Retry($"building the card failed: {ex.GetType().Name}: {ex.Message}"), null);
        }

        return card is null
            ? new(message, post, SendResult.Permanent($"the {post.CardKind} {post.SubjectId} no longer exists"), null)
            : new(message, post, null, card);
    }
}
