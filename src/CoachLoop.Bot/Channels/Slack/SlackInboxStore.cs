using CoachLoop.Data;
using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// The click inbox's queries and its atomic claim, the same on SQLite and PostgreSQL: a claim is a conditional update (as the
/// outbox's, <see cref="Outbox.OutboxStore"/>), so two hosts on one database never run the same click at once.
/// </summary>
public sealed class SlackInboxStore(CoachLoopDbContext db, TimeProvider clock)
{
    /// <summary>Clicks not done and not claimed (or claimed by a host whose lease ran out), oldest first.</summary>
    public async Task<IReadOnlyList<InboundClick>> PendingAsync(int limit, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.InboundClicks.AsNoTracking()
            .Where(c => c.DoneAt == null && (c.LeaseUntil == null || c.LeaseUntil < now))
            .OrderBy(c => c.Id).Take(limit).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Claims a click for <paramref name="owner"/> until the lease runs out; false when another host has it or it is done.</summary>
    public async Task<bool> TryClaimAsync(long id, string owner, TimeSpan lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + lease;
        var claimed = await db.InboundClicks
            .Where(c => c.Id == id && c.DoneAt == null && (c.LeaseUntil == null || c.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseOwner, owner).SetProperty(c => c.LeaseUntil, until)
                .SetProperty(c => c.Attempts, c => c.Attempts + 1), ct).ConfigureAwait(false);
        return claimed == 1;
    }

    /// <summary>Done (or given up with <paramref name="failure"/>), while this host's claim stands.</summary>
    public async Task MarkDoneAsync(long id, string owner, string? failure, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.InboundClicks.Where(c => c.Id == id && c.LeaseOwner == owner && c.DoneAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.DoneAt, now).SetProperty(c => c.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(c => c.Failure, failure), ct).ConfigureAwait(false);
    }

    /// <summary>After an error: the claim ends after <paramref name="delay"/>, then any host may run the click again.</summary>
    public async Task RetryLaterAsync(long id, string owner, TimeSpan delay, CancellationToken ct)
    {
        var at = clock.GetUtcNow() + delay;
        await db.InboundClicks.Where(c => c.Id == id && c.LeaseOwner == owner && c.DoneAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseUntil, at), ct).ConfigureAwait(false);
    }

    /// <summary>At start, this host's claims from before a crash or kill (same host name, another instance) end now.</summary>
    public async Task<int> ReleaseEarlierLeasesAsync(string hostPrefix, string owner, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var expired = now.AddTicks(-1);
        return await db.InboundClicks
            .Where(c => c.DoneAt == null && c.LeaseOwner != null && c.LeaseOwner.StartsWith(hostPrefix) && c.LeaseOwner != owner && c.LeaseUntil >= now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseUntil, expired), ct).ConfigureAwait(false);
    }

    /// <summary>Forgets clicks handled before <paramref name="before"/>: how many.</summary>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct) =>
        await db.InboundClicks.Where(c => c.DoneAt != null && c.DoneAt < before).ExecuteDeleteAsync(ct).ConfigureAwait(false);

    public async Task<bool> AnyPendingAsync(CancellationToken ct) =>
        await db.InboundClicks.AnyAsync(c => c.DoneAt == null, ct).ConfigureAwait(false);
}
