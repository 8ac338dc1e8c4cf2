using CoachLoop.Bot.Telemetry;
using CoachLoop.Data;
using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Outbox;

/// <summary>
/// Writes what the channels answered for several messages in one transaction, each only while this host's claim on it stands:
/// sent (one update for all of them, and their card posts' message references), retried later with backoff (throttling does
/// not use up an attempt) or dead-lettered once its attempts are spent.
/// </summary>
public sealed partial class OutboxRecords(CoachLoopDbContext db, TimeProvider clock, IOptions<OutboxOptions> options, CoachLoopMetrics metrics,
    ILogger<OutboxRecords> logger)
{
    public async Task RecordAsync(IReadOnlyList<(PreparedMessage Prepared, SendResult Result)> outcomes, string owner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        await using var open = await OpenConnection.OpenAsync(db, ct).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var sent = outcomes.Where(o => o.Result.Status == SendStatus.Sent).ToList();
        if (sent.Count > 0)
        {
            await RecordSentAsync(sent, owner, now, ct).ConfigureAwait(false);
        }

        var settled = sent.Select(o => (o.Prepared, o.Prepared.Answer is null ? DeliveryOutcomes.Sent : DeliveryOutcomes.Superseded)).ToList();
        foreach (var (prepared, result) in outcomes.Where(o => o.Result.Status != SendStatus.Sent))
        {
            settled.Add((prepared, await RecordFailureAsync(prepared, result, owner, now, ct).ConfigureAwait(false)));
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        foreach (var (prepared, outcome) in settled)
        {
            metrics.Delivered(prepared.Post.Channel, SendTelemetry.OperationName(prepared.Message.Operation), outcome);
        }
    }

    private async Task RecordSentAsync(List<(PreparedMessage Prepared, SendResult Result)> sent, string owner, DateTimeOffset now, CancellationToken ct)
    {
        var ids = sent.Select(o => o.Prepared.Message.Id).ToList();
        var recorded = await Claimed(ids, owner).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.SentAt, now)
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.OutcomeUnknown, false)
            .SetProperty(m => m.LeaseOwner, (string?)null)
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), ct).ConfigureAwait(false);
        if (recorded < ids.Count)
        {
            // Our lease ran out mid-delivery and another host claimed the message: its outcome is the one that counts.
            LogLeaseLost(logger, ids.Count - recorded);
        }

        var updated = sent.Where(o => o.Prepared.Post.MessageRef is not null || o.Result.MessageRef is null)
            .Select(o => o.Prepared.Post.Id).Distinct().ToList();
        if (updated.Count > 0)
        {
            await db.CardPosts.Where(p => updated.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.UpdatedAt, now), ct).ConfigureAwait(false);
        }

        // A post's message reference, written once: the first answer recorded for the card is the message the updates go to.
        foreach (var (prepared, result) in sent.Where(o => o.Prepared.Post.MessageRef is null && o.Result.MessageRef is not null))
        {
            var (postId, reference) = (prepared.Post.Id, result.MessageRef);
            await db.CardPosts.Where(p => p.Id == postId).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.MessageRef, p => p.MessageRef ?? reference)
                .SetProperty(p => p.UpdatedAt, now), ct).ConfigureAwait(false);
        }
    }

    /// <returns>What became of the message: retried later or dead-lettered.</returns>
    private async Task<string> RecordFailureAsync(PreparedMessage prepared, SendResult result, string owner, DateTimeOffset now, CancellationToken ct)
    {
        var settings = options.Value;
        var message = prepared.Message;
        var ids = new[] { message.Id };
        if (result.Status == SendStatus.Retry && (message.Attempts < settings.MaxAttempts || result.RetryAfter is not null))
        {
            // Throttling is the channel pacing us, not a failure: it does not use up an attempt.
            var attempts = result.RetryAfter is null ? message.Attempts : message.Attempts - 1;
            var next = now + Backoff.Next(attempts, result.RetryAfter, settings, Random.Shared.NextDouble());
            // Once unsure whether a post went out, stay unsure until a send settles it.
            var unknown = result.OutcomeUnknown;
            await Claimed(ids, owner).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LastError, result.Error)
                .SetProperty(m => m.OutcomeUnknown, m => m.OutcomeUnknown || unknown)
                .SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), ct).ConfigureAwait(false);
            LogRetry(logger, message.Id, prepared.Post.Channel, next, result.Error);
            return DeliveryOutcomes.Retry;
        }

        var error = $"after {message.Attempts} attempt(s): {result.Error}";
        await Claimed(ids, owner).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Dead)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.LeaseOwner, (string?)null)
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), ct).ConfigureAwait(false);
        LogDead(logger, message.Id, prepared.Post.Channel, prepared.Post.ConversationId, error);
        return DeliveryOutcomes.Dead;
    }

    private IQueryable<OutboxMessage> Claimed(IReadOnlyCollection<long> ids, string owner) =>
        db.Outbox.Where(m => ids.Contains(m.Id) && m.LeaseOwner == owner && m.Status == OutboxStatus.Pending);

    [LoggerMessage(LogLevel.Warning, "{Count} outbox message(s): the lease ran out during delivery and another host took them over")]
    private static partial void LogLeaseLost(ILogger logger, int count);

    [LoggerMessage(LogLevel.Warning, "Outbox message {Id} to {Channel} will be retried at {NextAttempt}: {Error}")]
    private static partial void LogRetry(ILogger logger, long id, string channel, DateTimeOffset nextAttempt, string? error);

    [LoggerMessage(LogLevel.Error, "Outbox message {Id} to {Channel} conversation {Conversation} is dead-lettered: {Reason}")]
    private static partial void LogDead(ILogger logger, long id, string channel, string conversation, string? reason);
}
