using CoachLoop.Bot.Cards;
using CoachLoop.Data;
using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Outbox;

/// <summary>Delivers one claimed message: builds the current card, sends it, and records the outcome under the lease.</summary>
public sealed partial class OutboxDelivery(
    CoachLoopDbContext db, OutboxStore store, CardFactory cards, IEnumerable<ICardSender> senders, TimeProvider clock,
    IOptions<OutboxOptions> options, DurableCommits durable, ILogger<OutboxDelivery> logger)
{
    public async Task<bool> DeliverAsync(long id, string owner, CancellationToken ct)
    {
        var settings = options.Value;
        OutboxMessage message;
        CardPost post;
        Prepared prepared;
        // The claim, the reads and the card build share one open connection; it is not held while the channel is called.
        await using (await OpenConnection.OpenAsync(db, ct).ConfigureAwait(false))
        {
            if (!await store.TryClaimAsync(id, owner, settings.Lease, ct).ConfigureAwait(false))
            {
                return false;
            }

            // The message, its card post and whether a later update of the same card is queued, in one query.
            var claimed = await db.Outbox.Where(m => m.Id == id)
                .Join(db.CardPosts, m => m.CardPostId, p => p.Id, (m, p) => new
                {
                    Message = m,
                    Post = p,
                    Superseded = db.Outbox.Any(o => o.CardPostId == m.CardPostId && o.Operation == OutboxOperation.Update
                        && o.Status == OutboxStatus.Pending && o.Id > m.Id),
                })
                .FirstAsync(ct).ConfigureAwait(false);
            (message, post) = (claimed.Message, claimed.Post);
            prepared = await PrepareAsync(message, post, claimed.Superseded, ct).ConfigureAwait(false);
        }

        if (prepared.Answer is null && message.Operation == OutboxOperation.Post)
        {
            // A post is not idempotent: the claim that marks it "maybe sent" from now on must outlast a power cut before it goes out.
            await durable.WaitAsync().ConfigureAwait(false);
        }

        var result = prepared.Answer ?? await SendAsync(prepared.Sender!, message, post, prepared.Card!, ct).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        switch (result.Status)
        {
            case SendStatus.Sent:
                message.Status = OutboxStatus.Sent;
                message.SentAt = now;
                message.LastError = null;
                message.OutcomeUnknown = false;
                post.MessageRef ??= result.MessageRef;
                post.UpdatedAt = now;
                break;
            case SendStatus.Retry when message.Attempts < settings.MaxAttempts || result.RetryAfter is not null:
                if (result.RetryAfter is not null)
                {
                    // Throttling is the channel pacing us, not a failure: it does not use up an attempt.
                    message.Attempts--;
                }

                message.NextAttemptAt = now + Backoff.Next(message.Attempts, result.RetryAfter, settings, Random.Shared.NextDouble());
                message.LastError = result.Error;
                // Once unsure whether a post went out, stay unsure until a send settles it.
                message.OutcomeUnknown |= result.OutcomeUnknown;
                LogRetry(logger, message.Id, post.Channel, message.NextAttemptAt, result.Error);
                break;
            default:
                message.Status = OutboxStatus.Dead;
                message.LastError = $"after {message.Attempts} attempt(s): {result.Error}";
                LogDead(logger, message.Id, post.Channel, post.ConversationId, message.LastError);
                break;
        }

        message.LeaseOwner = null;
        message.LeaseUntil = null;
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Our lease ran out mid-delivery and another host claimed the message: its outcome is the one that counts.
            LogLeaseLost(logger, message.Id);
            return false;
        }

        return true;
    }

    /// <summary>What to send (the sender and the current card), or the outcome when nothing is to be sent.</summary>
    private async Task<Prepared> PrepareAsync(OutboxMessage message, CardPost post, bool superseded, CancellationToken ct)
    {
        var sender = senders.FirstOrDefault(s => s.Channel == post.Channel);
        if (sender is null)
        {
            return new(SendResult.Permanent($"no sender for channel '{post.Channel}'"), null, null);
        }

        if (message.Operation == OutboxOperation.Update && post.MessageRef is null)
        {
            // The post is in the same lane and was dead-lettered: there is nothing to update.
            return new(SendResult.Permanent("the card was never posted, so it cannot be updated"), null, null);
        }

        Card? card;
        try
        {
            if (message.Operation == OutboxOperation.Update && superseded)
            {
                // A later update of the same card is queued; it will carry the current state, so this one need not go out.
                return new(SendResult.Sent(post.MessageRef!), null, null);
            }

            card = await cards.BuildAsync(post.CardKind, post.SubjectId, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Nothing was sent, so the outcome is known. Recorded like a failed send, the message backs off and is
            // dead-lettered once its attempts run out instead of holding its lane forever.
            return new(SendResult.Retry($"building the card failed: {ex.GetType().Name}: {ex.Message}"), null, null);
        }

        return card is null ? new(SendResult.Permanent($"the {post.CardKind} {post.SubjectId} no longer exists"), null, null) : new(null, sender, card);
    }

    private static async Task<SendResult> SendAsync(ICardSender sender, OutboxMessage message, CardPost post, Card card, CancellationToken ct)
    {
        try
        {
            var key = message.Operation == OutboxOperation.Post ? $"post-{post.Id:N}" : $"outbox-{message.Id}";
            return await sender.SendAsync(new OutboundMessage(key, post.ConversationId,
                message.Operation == OutboxOperation.Post ? null : post.MessageRef, card, message.OutcomeUnknown), ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // The sender failed somewhere we cannot see: the message may or may not have gone out.
            return SendResult.Retry($"{ex.GetType().Name}: {ex.Message}", outcomeUnknown: true);
        }
    }

    private sealed record Prepared(SendResult? Answer, ICardSender? Sender, Card? Card);

    [LoggerMessage(LogLevel.Warning, "Outbox message {Id}: the lease ran out during delivery and another host took it over")]
    private static partial void LogLeaseLost(ILogger logger, long id);

    [LoggerMessage(LogLevel.Warning, "Outbox message {Id} to {Channel} will be retried at {NextAttempt}: {Error}")]
    private static partial void LogRetry(ILogger logger, long id, string channel, DateTimeOffset nextAttempt, string? error);

    [LoggerMessage(LogLevel.Error, "Outbox message {Id} to {Channel} conversation {Conversation} is dead-lettered: {Reason}")]
    private static partial void LogDead(ILogger logger, long id, string channel, string conversation, string? reason);
}
