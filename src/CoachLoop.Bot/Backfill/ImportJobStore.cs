using System.Text.Json;
using CoachLoop.Data;
using CoachLoop.Data.Modeling;
using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Backfill;

/// <summary>
/// Import jobs and their stored lines, the same on SQLite and PostgreSQL: a claim is a conditional update (as the outbox's and the
/// click inbox's), so two hosts on one database never run the same job at once, and every progress record is conditional on the
/// claim and on the position it moves from, so a worker that lost its claim can record nothing.
/// </summary>
internal sealed class ImportJobStore(CoachLoopDbContext db, TimeProvider clock)
{
    /// <summary>Lines per stored chunk: a worker reads one chunk at a time, and resumes by reading one.</summary>
    public const int ChunkLines = 500;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Stores the job and all its lines (already in call-time order) in one commit.</summary>
    public async Task<ImportJob> CreateAsync(string format, string? fileName, IReadOnlyList<ImportLine> lines, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var job = new ImportJob
        {
            Id = Guid.CreateVersion7(now), Format = format, FileName = fileName, Status = ImportStatus.Queued, TotalLines = lines.Count,
            InvalidLines = "[]", CreatedAt = now,
        };
        db.ImportJobs.Add(job);
        for (var start = 0; start < lines.Count; start += ChunkLines)
        {
            var chunk = lines.Skip(start).Take(ChunkLines).ToList();
            db.ImportChunks.Add(new ImportChunk
            {
                JobId = job.Id, Number = start / ChunkLines, Count = chunk.Count, Lines = JsonSerializer.Serialize(chunk, Json),
            });
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return job;
    }

    public Task<ImportJob?> FindAsync(Guid id, CancellationToken ct) =>
        db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);

    /// <summary>Newest first, a page at a time after (<paramref name="before"/>, <paramref name="beforeId"/>).</summary>
    public async Task<List<ImportJob>> ListAsync(int take, DateTimeOffset? before, Guid? beforeId, CancellationToken ct)
    {
        var query = db.ImportJobs.AsNoTracking();
        if (before is { } at && beforeId is { } id)
        {
            query = query.Where(j => j.CreatedAt < at || (j.CreatedAt == at && j.Id.CompareTo(id) < 0));
        }

        return await query.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id).Take(take).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Claims the oldest unfinished job no live claim holds for <paramref name="owner"/> until the lease runs out: the job, or null
    /// when there is none (or another host took it first).
    /// </summary>
    public async Task<ImportJob?> ClaimNextAsync(string owner, TimeSpan lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var candidate = await db.ImportJobs.AsNoTracking()
            .Where(j => j.Status != ImportStatus.Completed && (j.LeaseUntil == null || j.LeaseUntil < now))
            .OrderBy(j => j.CreatedAt).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (candidate is not { } id)
        {
            return null;
        }

        var until = now + lease;
        // A conditional update: of two hosts after the same job, one changes the row. On SQL Server its hints make the other skip it.
        var claimed = await SqlServerClaimHints.ClaimAsync(() => db.ImportJobs
            .Where(j => j.Id == id && j.Status != ImportStatus.Completed && (j.LeaseUntil == null || j.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, owner).SetProperty(j => j.LeaseUntil, until)
                .SetProperty(j => j.Status, ImportStatus.Running).SetProperty(j => j.StartedAt, j => j.StartedAt ?? now), ct)).ConfigureAwait(false);
        return claimed == 1 ? await FindAsync(id, ct).ConfigureAwait(false) : null;
    }

    /// <summary>At start, this host's claims from before a crash or kill (same host name, another instance) end now.</summary>
    public async Task<int> ReleaseEarlierLeasesAsync(string hostPrefix, string owner, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var expired = now.AddTicks(-1);
        return await db.ImportJobs
            .Where(j => j.Status != ImportStatus.Completed && j.LeaseOwner != null && j.LeaseOwner.StartsWith(hostPrefix) && j.LeaseOwner != owner
                && j.LeaseUntil >= now)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, expired), ct).ConfigureAwait(false);
    }

    public async Task<List<ImportLine>> ChunkAsync(Guid jobId, int number, CancellationToken ct)
    {
        var text = await db.ImportChunks.AsNoTracking().Where(c => c.JobId == jobId && c.Number == number).OrderBy(c => c.Number).Select(c => c.Lines)
            .FirstOrDefaultAsync(ct).ConfigureAwait(false) ?? throw new InvalidOperationException($"Import {jobId} has no chunk {number}.");
        return JsonSerializer.Deserialize<List<ImportLine>>(text, Json)!;
    }

    /// <summary>
    /// Records a batch's progress (in the caller's transaction, when it has one) while <paramref name="owner"/> holds the claim
    /// and the job is still at <paramref name="from"/> lines read; renews the claim. False when the claim was lost.
    /// </summary>
    public async Task<bool> RecordAsync(Guid jobId, string owner, int from, ImportProgress progress, TimeSpan lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + lease;
        var listed = JsonSerializer.Serialize(progress.Listed, Json);
        return await db.ImportJobs.Where(j => j.Id == jobId && j.LeaseOwner == owner && j.LinesRead == from)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LinesRead, progress.LinesRead).SetProperty(j => j.Accepted, progress.Accepted)
                .SetProperty(j => j.Duplicates, progress.Duplicates).SetProperty(j => j.Invalid, progress.Invalid)
                .SetProperty(j => j.InvalidLines, listed).SetProperty(j => j.ActiveMilliseconds, progress.ActiveMilliseconds)
                .SetProperty(j => j.UpdatedAt, now).SetProperty(j => j.LeaseUntil, until), ct).ConfigureAwait(false) == 1;
    }

    /// <summary>Completed, while <paramref name="owner"/> holds the claim; its stored lines are dropped (the counts stay).</summary>
    public async Task CompleteAsync(Guid jobId, string owner, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var done = await db.ImportJobs.Where(j => j.Id == jobId && j.LeaseOwner == owner && j.LinesRead == j.TotalLines)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportStatus.Completed).SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.UpdatedAt, now).SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), ct).ConfigureAwait(false);
        if (done == 1)
        {
            await db.ImportChunks.Where(c => c.JobId == jobId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        }
    }
}
