using CoachLoop.Data.Modeling;
using CoachLoop.Data.Outbox;
using CoachLoop.Data.Records;
using CoachLoop.Engine.Calls;
using CoachLoop.Engine.Flags;
using CoachLoop.Engine.People;
using CoachLoop.Engine.Rubrics;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Stores;

/// <summary>The intake's storage over EF Core. One SaveChanges writes the call, its scores, new and changed flags and audit rows.</summary>
public sealed class EfCallIntakeStore(CoachLoopDbContext db, OutboxWriter? outbox = null, RubricCache? rubrics = null, OutboxSignal? signal = null,
    IntakeWriteGate? gate = null)
    : ICallIntakeStore
{
    /// <summary>
    /// One transaction for the work: each call's SaveChanges runs under its own savepoint, so a call refused by the database
    /// rolls back alone; the commit happens once. Any failure of the unit rolls all of it back.
    /// </summary>
    public async Task<bool> TryTogetherAsync(Func<CancellationToken, Task> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        await KeepOpenAsync(ct).ConfigureAwait(false);
        using var turn = gate is not null && db.IsSqlite ? await gate.EnterAsync(ct).ConfigureAwait(false) : null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        try
        {
            await work(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // Lock order between hosts, a key no call can explain on its own: the calls are taken again one by one,
            // where each failure is its own and is reported as it always was.
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            return false;
        }

        // The writer's pulse on each save came before this commit; the dispatcher would find nothing then.
        signal?.Pulse();
        return true;
    }

    public async Task<StoredCall?> FindCallAsync(string source, string callId, CancellationToken ct)
    {
        await KeepOpenAsync(ct).ConfigureAwait(false);
        var row = await db.ScoredCalls.AsNoTracking()
            .Where(c => c.Source == source && c.CallId == callId)
            .Select(c => new { c.ContentHash, c.ReceiptJson })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return row is null ? null : new StoredCall(row.ContentHash, JsonColumn.Deserialize<CallReceipt>(row.ReceiptJson));
    }

    public Task<Rubric?> FindRubricAsync(string key, int version, CancellationToken ct) =>
        rubrics is null
            ? db.Rubrics.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key && r.Version == version, ct)
            : rubrics.FindAsync(db, key, version, ct);

    public async Task<Person?> FindAgentAsync(string agent, CancellationToken ct)
    {
        var trimmed = agent.Trim();
        var email = Person.NormaliseEmail(trimmed);
        // One query for both keys; the external id wins over the email, as when they were asked in turn.
        var found = await db.People.AsNoTracking().Where(p => p.ExternalId == trimmed || p.Email == email)
            .ToListAsync(ct).ConfigureAwait(false);
        return found.FirstOrDefault(p => p.ExternalId == trimmed) ?? found.FirstOrDefault();
    }

    public async Task<AgentHistory> GetHistoryAsync(Guid agentId, IReadOnlyCollection<string> criterionIds, DateTimeOffset around,
        CancellationToken ct)
    {
        await KeepOpenAsync(ct).ConfigureAwait(false);
        return new AgentHistory(await StreakHistory.AroundAsync(db, agentId, criterionIds, around, ct).ConfigureAwait(false));
    }

    public Task<Flag?> FindFlagAsync(Guid flagId, CancellationToken ct) => db.Flags.FirstOrDefaultAsync(f => f.Id == flagId, ct);

    public async Task<IReadOnlyList<Flag>> FindOpenQualityFlagsAsync(Guid agentId, string criterionId, IReadOnlyCollection<Guid> scoredCallIds,
        CancellationToken ct) =>
        await db.Flags
            .Where(f => f.AgentId == agentId && f.CriterionId == criterionId && f.Kind == FlagKind.Quality && scoredCallIds.Contains(f.ScoredCallId)
                && f.Status != FlagStatus.Closed && f.Status != FlagStatus.Dismissed)
            .ToListAsync(ct).ConfigureAwait(false);

    public async Task<SaveOutcome> TrySaveAsync(NewCall newCall, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(newCall);
        var call = newCall.Call;
        var record = new ScoredCallRecord
        {
            Id = newCall.ScoredCallId,
            Source = call.Source.Trim(),
            CallId = call.CallId.Trim(),
            AgentId = newCall.Agent.Id,
            CallTime = call.CallTime,
            DurationSeconds = call.Duration is { } d ? (int)d.TotalSeconds : null,
            Queue = call.Queue,
            RubricId = newCall.Rubric.Id,
            OverallScore = call.OverallScore,
            RecordingUrl = call.RecordingUrl,
            ContentHash = newCall.ContentHash,
            ReceiptJson = JsonColumn.Serialize(newCall.Receipt),
            ReceivedAt = newCall.ReceivedAt,
        };
        db.ScoredCalls.Add(record);
        db.CriterionScores.AddRange(call.Scores.Select(s => new CriterionScoreRecord
        {
            Id = Guid.CreateVersion7(newCall.ReceivedAt),
            ScoredCallId = record.Id,
            AgentId = record.AgentId,
            CriterionId = s.CriterionId,
            Score = s.Score,
            Quote = s.Evidence?.Quote,
            OffsetSeconds = s.Evidence is { } e ? (int)e.Offset.TotalSeconds : null,
            FailingSentence = s.Evidence?.FailingSentence,
            CallTime = call.CallTime,
        }));
        db.Flags.AddRange(newCall.Flags);
        if (outbox is not null)
        {
            // Compliance flags come first from the rules, so they are queued (and sent) first.
            foreach (var flag in newCall.Flags)
            {
                await outbox.PostFlagAsync(flag, ct).ConfigureAwait(false);
            }

            // Extended, split and folded flags: every copy of their cards shows the new state.
            foreach (var flag in newCall.ChangedFlags)
            {
                await outbox.RefreshAsync(flag.Id, ct).ConfigureAwait(false);
            }
        }

        StreakHistory.Bump(db, newCall.Agent.Id, call.Scores.Select(s => s.CriterionId));
        var cursors = StreakHistory.Read(db);

        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            // Nothing saved is read again through this context: tracking it would make every later call of a batch slower.
            db.ChangeTracker.Clear();
            return SaveOutcome.Saved;
        }
        catch (DbUpdateException ex)
        {
            // Another writer won a race: on (source, call id), an agent's streak cursor, a flag's revision or a
            // streak's call. Nothing of ours was written; the intake replays the call or evaluates it again.
            db.ChangeTracker.Clear();
            var exists = await db.ScoredCalls.AnyAsync(c => c.Source == record.Source && c.CallId == record.CallId, ct).ConfigureAwait(false);
            if (exists)
            {
                return SaveOutcome.AlreadyStored;
            }

            if (ex is DbUpdateConcurrencyException)
            {
                return SaveOutcome.Conflict;
            }

            if (StreakHistory.IsUniqueViolation(ex))
            {
                // Evaluating again only helps when another writer moved a streak read; a key this call breaks
                // on its own would break the same way every time.
                return await StreakHistory.MovedSinceAsync(db, cursors, ct).ConfigureAwait(false)
                    ? SaveOutcome.Conflict
                    : throw new InvalidOperationException(
                        $"Call '{record.CallId}' from '{record.Source}' breaks a unique key no other writer holds: {ex.InnerException?.Message}", ex);
            }

            throw;
        }
    }

    // One connection for the whole intake instead of one per query (each open also runs the connection's set-up); the
    // context closes it when the request's scope ends.
    private async Task KeepOpenAsync(CancellationToken ct)
    {
        if (db.Database.GetDbConnection().State == System.Data.ConnectionState.Closed)
        {
            await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        }
    }
}
