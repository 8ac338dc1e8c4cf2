using CoachLoop.Data;
using CoachLoop.Data.Modeling;
using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// The click inbox's queries and its atomic claim, the same on SQLite, PostgreSQL and SQL Server: a claim is a conditional update (as the
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

    /// <summary>
    /// Claims the clicks of <paramref name="ids"/> that are still free for <paramref name="owner"/> until the lease runs out, in one
    /// conditional update: the ones it got (another host may have taken some, or run them already).
    /// </summary>
    public async Task<IReadOnlySet<long>> ClaimAsync(IReadOnlyList<long> ids, string owner, TimeSpan lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + lease;
        var claimed = await SqlServerClaimHints.ClaimAsync(() => db.InboundClicks
            .Where(c => ids.Contains(c.Id) && c.DoneAt == null && (c.LeaseUntil == null || c.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseOwner, owner).SetProperty(c => c.LeaseUntil, until)
                .SetProperty(c => c.Attempts, c => c.Attempts + 1), ct)).ConfigureAwait(false);
        if (claimed == ids.Count)
        {
            return ids.ToHashSet();
        }

        return claimed == 0 ? new HashSet<long>()
            : (await db.InboundClicks.AsNoTracking().Where(c => ids.Contains(c.Id) && c.LeaseOwner == owner && c.DoneAt == null)
                .Select(c => c.Id).ToListAsync(ct).ConfigureAwait(false)).ToHashSet();
    }

    /// <summary>Done, while this host's claim on each stands: one update for all of <paramref name="ids"/>.</summary>
    public async Task MarkDoneAsync(IReadOnlyList<long> ids, string owner, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        await db.InboundClicks.Where(c => ids.Contains(c.Id) && c.LeaseOwner == owner && c.DoneAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.DoneAt, now).SetProperty(c => c.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(c => c.Failure, (string?)null), ct).ConfigureAwait(false);
    }

    /// <summary>Given up after its attempts, with the last <paramref name="failure"/>, while this host's claim stands.</summary>
    public async Task GiveUpAsync(long id, string owner, string failure, CancellationToken ct)
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

    /// <summary>Claims this host holds and did not run: free for any host at once, and the claim not counted as an attempt.</summary>
    public async Task ReleaseAsync(IReadOnlyList<long> ids, string owner, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var expired = clock.GetUtcNow().AddTicks(-1);
        await db.InboundClicks.Where(c => ids.Contains(c.Id) && c.LeaseOwner == owner && c.DoneAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseUntil, expired).SetProperty(c => c.Attempts, c => c.Attempts - 1), ct)
            .ConfigureAwait(false);
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
