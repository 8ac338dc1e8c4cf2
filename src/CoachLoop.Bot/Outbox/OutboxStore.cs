using CoachLoop.Data;
using CoachLoop.Data.Modeling;
using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Outbox;

/// <summary>The dispatcher's queries and its atomic claim, written to run the same on SQLite, PostgreSQL and SQL Server.</summary>
public sealed class OutboxStore(CoachLoopDbContext db, TimeProvider clock)
{
    /// <summary>Due messages that head their lane (no earlier message of the lane is still pending), urgent first.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> DueAsync(int limit, CancellationToken ct) =>
        await Due(clock.GetUtcNow()).OrderByDescending(m => m.Urgent).ThenBy(m => m.Id).Take(limit).ToListAsync(ct).ConfigureAwait(false);

    private IQueryable<OutboxMessage> Due(DateTimeOffset now)
    {
        // A local, not db.Outbox inside the lambda: EF would evaluate that on every execution (see CardAudience.ScopeAsync).
        var outbox = db.Outbox;
        return outbox.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
            .Where(m => !outbox.Any(o => o.Lane == m.Lane && o.Status == OutboxStatus.Pending && o.Id < m.Id));
    }

    /// <summary>
    /// Claims the due messages of <paramref name="ids"/> for <paramref name="owner"/> until the lease runs out, in one conditional
    /// update: how many it got (another host may hold some). A message still carrying a lease owner was claimed before and never
    /// recorded: that attempt's outcome is unknown. On SQL Server the update skips rows another host is claiming
    /// (<see cref="SqlServerClaimHints"/>).
    /// </summary>
    public async Task<int> ClaimAsync(IReadOnlyList<long> ids, string owner, TimeSpan lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + lease;
        return await SqlServerClaimHints.ClaimAsync(() => db.Outbox
            .Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.OutcomeUnknown, m => m.LeaseOwner != null || m.OutcomeUnknown)
                .SetProperty(m => m.LeaseOwner, owner)
                .SetProperty(m => m.LeaseUntil, until)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct)).ConfigureAwait(false);
    }

    /// <summary>
    /// At start, this host's leases from before a crash or kill (same host name, another instance) end now, so what it was
    /// sending resumes at once instead of after the lease. Returns how many were released.
    /// </summary>
    public async Task<int> ReleaseEarlierLeasesAsync(string hostPrefix, string owner, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var expired = now.AddTicks(-1);
        return await db.Outbox
            .Where(m => m.Status == OutboxStatus.Pending && m.LeaseOwner != null && m.LeaseOwner.StartsWith(hostPrefix) && m.LeaseOwner != owner
                && m.LeaseUntil >= now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, expired).SetProperty(m => m.NextAttemptAt, now), ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(OutboxStatus status, int limit, CancellationToken ct) =>
        await db.Outbox.AsNoTracking().Where(m => m.Status == status).OrderBy(m => m.Id).Take(limit).ToListAsync(ct).ConfigureAwait(false);
}
