using CoachLoop.Data;
using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Outbox;

/// <summary>The dispatcher's queries and its atomic claim, written to run the same on SQLite and PostgreSQL.</summary>
public sealed class OutboxStore(CoachLoopDbContext db, TimeProvider clock)
{
    /// <summary>Due messages that head their lane (no earlier message of the lane is still pending), urgent first.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> DueAsync(int limit, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.Outbox.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
            .Where(m => !db.Outbox.Any(o => o.Lane == m.Lane && o.Status == OutboxStatus.Pending && o.Id < m.Id))
            .OrderByDescending(m => m.Urgent)
            .ThenBy(m => m.Id)
            .Take(limit)
            .ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Claims a message for <paramref name="owner"/> until the lease runs out; false when another host has it.</summary>
    public async Task<bool> TryClaimAsync(long id, string owner, TimeSpan lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + lease;
        var claimed = await db.Outbox
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LeaseOwner, owner)
                .SetProperty(m => m.LeaseUntil, until)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct).ConfigureAwait(false);
        return claimed == 1;
    }

    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(OutboxStatus status, int limit, CancellationToken ct) =>
        await db.Outbox.AsNoTracking().Where(m => m.Status == status).OrderBy(m => m.Id).Take(limit).ToListAsync(ct).ConfigureAwait(false);
}
