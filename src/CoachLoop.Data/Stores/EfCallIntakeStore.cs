using System.Globalization;
using CoachLoop.Data.Modeling;
using CoachLoop.Data.Outbox;
using CoachLoop.Data.Records;
using CoachLoop.Engine.Calls;
using CoachLoop.Engine.Coaching;
using CoachLoop.Engine.Flags;
using CoachLoop.Engine.People;
using CoachLoop.Engine.Rubrics;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Stores;

/// <summary>The intake's storage over EF Core. One SaveChanges writes the call, its scores, new and changed flags and audit rows.</summary>
public sealed class EfCallIntakeStore(CoachLoopDbContext db, OutboxWriter? outbox = null, RubricCache? rubrics = null, OutboxSignal? signal = null)
    : ICallIntakeStore, IDisposable
{
    private const string Savepoint = "coachloop_call";

    // Compiled once per provider (a compiled query keeps what it was first compiled for): translating the LINQ and finding it in
    // the query cache cost more per call than the query itself.
    private static readonly CompiledQuery<Func<CoachLoopDbContext, string, string, IAsyncEnumerable<Person>>> AgentsByKey = new(() => EF.CompileAsyncQuery(
        (CoachLoopDbContext db, string externalId, string email) => db.People.AsNoTracking().Where(p => p.ExternalId == externalId || p.Email == email)));

    private readonly IntakeSql _sql = new(db);

    // Agents found during this store's unit of work: a batch names the same agents again and again.
    private readonly Dictionary<string, Person> _agents = new(StringComparer.Ordinal);

    // The cursors read by the last history of this attempt, taken by its save.
    private IReadOnlyList<CursorRead>? _cursors;

    // Calls begun in the current unit (TryTogetherAsync), -1 outside one; from the second on, the unit's connection has a larger page cache.
    private int _unitCalls = -1;

    /// <summary>
    /// When set, the new flags of calls older than this are stored and counted as always but get no cards: a backfill of months
    /// of history must not flood the managers' channels. Null (the API's intake) cards every new flag.
    /// </summary>
    public DateTimeOffset? CardCallsFrom { get; set; }

    /// <summary>How each new flag's peer example is chosen (once, here, so its card keeps the same example as it changes).</summary>
    public PeerExampleRule PeerExamples { get; set; } = PeerExampleRule.Default;

    /// <summary>
    /// One transaction for the work: each call's SaveChanges runs under its own savepoint, so a call refused by the database
    /// rolls back alone; the commit happens once. Any failure of the unit rolls all of it back.
    /// </summary>
    public async Task<bool> TryTogetherAsync(Func<CancellationToken, Task> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        // A store may serve several units in turn (grouped single posts): people are read afresh for each.
        _agents.Clear();
        await KeepOpenAsync(ct).ConfigureAwait(false);
        // On SQLite the transaction waits its turn at the file's in-process write gate (Modeling/SqliteWriteGate), not in SQLite's busy handler.
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        _unitCalls = 0;
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
        finally
        {
            // The pooled connection goes back to the small cache every connection keeps (the pragma is not transactional). On a
            // connection that failed, the failure that matters is the one already on its way.
            var raised = _unitCalls > 1;
            _unitCalls = -1;
            if (raised)
            {
                try
                {
                    await SetCacheAsync(SqliteConnectionSetup.CacheKiB, CancellationToken.None).ConfigureAwait(false);
                }
                catch (System.Data.Common.DbException)
                {
                }
            }
        }

        // The writer's pulse on each save came before this commit; the dispatcher would find nothing then.
        signal?.Pulse();
        return true;
    }

    public async Task<StoredCall?> FindCallAsync(string source, string callId, CancellationToken ct)
    {
        await KeepOpenAsync(ct).ConfigureAwait(false);
        await using var reader = await _sql.ReadAsync("SELECT content_hash, receipt_json FROM scored_calls WHERE source = @p0 AND call_id = @p1",
            [source, callId], ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false)
            ? new StoredCall(reader.GetString(0), JsonColumn.Deserialize<CallReceipt>(reader.GetString(1)))
            : null;
    }

    public Task<Rubric?> FindRubricAsync(string key, int version, CancellationToken ct) =>
        rubrics is null
            ? db.Rubrics.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key && r.Version == version, ct)
            : rubrics.FindAsync(db, key, version, ct);

    public async Task<Person?> FindAgentAsync(string agent, CancellationToken ct)
    {
        var trimmed = agent.Trim();
        if (_agents.TryGetValue(trimmed, out var known))
        {
            return known;
        }

        var email = Person.NormaliseEmail(trimmed);
        // One query for both keys; the external id wins over the email, as when they were asked in turn.
        var found = new List<Person>(1);
        await foreach (var person in AgentsByKey.For(db)(db, trimmed, email).WithCancellation(ct).ConfigureAwait(false))
        {
            found.Add(person);
        }

        var match = found.FirstOrDefault(p => p.ExternalId == trimmed) ?? found.FirstOrDefault();
        if (match is not null)
        {
            _agents[trimmed] = match;
        }

        return match;
    }

    public async Task<AgentHistory> GetHistoryAsync(Guid agentId, IReadOnlyCollection<string> criterionIds, DateTimeOffset around,
        CancellationToken ct)
    {
        await KeepOpenAsync(ct).ConfigureAwait(false);
        // Each valid call reads its history once. A unit of one call (a single post on its own) keeps the small cache.
        if (_unitCalls >= 0 && ++_unitCalls == 2)
        {
            await SetCacheAsync(SqliteConnectionSetup.UnitCacheKiB, ct).ConfigureAwait(false);
        }

        var (calls, cursors) = await StreakHistory.AroundAsync(_sql, agentId, criterionIds, around, ct).ConfigureAwait(false);
        _cursors = cursors;
        return new AgentHistory(calls);
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
        await KeepOpenAsync(ct).ConfigureAwait(false);
        // The cursors of this attempt's history: a call saved without reading one takes none.
        var cursors = _cursors ?? [];
        _cursors = null;
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false) : null;
        try
        {
            var transaction = db.Database.CurrentTransaction!;
            // The call's writes stand or fall together inside the unit: a refusal rolls back to here, and the unit goes on.
            await transaction.CreateSavepointAsync(Savepoint, ct).ConfigureAwait(false);
            SaveOutcome outcome;
            try
            {
                outcome = await WriteAsync(newCall, cursors, ct).ConfigureAwait(false);
            }
            catch (DbUpdateException ex)
            {
                await transaction.RollbackToSavepointAsync(Savepoint, CancellationToken.None).ConfigureAwait(false);
                outcome = await RefusedAsync(newCall, cursors, ex, ct).ConfigureAwait(false);
            }

            if (outcome == SaveOutcome.Saved)
            {
                await transaction.ReleaseSavepointAsync(Savepoint, ct).ConfigureAwait(false);
                if (own is not null)
                {
                    await own.CommitAsync(ct).ConfigureAwait(false);
                }
            }
            else
            {
                await transaction.RollbackToSavepointAsync(Savepoint, CancellationToken.None).ConfigureAwait(false);
            }

            return outcome;
        }
        finally
        {
            // Nothing saved is read again through this context (tracking it would slow every later call of a batch), and nothing
            // refused may be: a flag changed in memory by this attempt would be found as changed by the next one.
            db.ChangeTracker.Clear();
            if (own is not null)
            {
                await own.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    // The call and its scores by hand (only inserted, never tracked); flags, changed flags, their audit rows and cards through EF.
    private async Task<SaveOutcome> WriteAsync(NewCall newCall, IReadOnlyList<CursorRead> cursors, CancellationToken ct)
    {
        // The cursors first: a writer on the same streaks waits here holding nothing else (on PostgreSQL), so two writers
        // cannot each hold what the other needs.
        if (!await StreakCursorSql.TakeAsync(_sql, cursors, ct).ConfigureAwait(false))
        {
            // Another writer moved a streak this call read: it is evaluated again on what is stored now.
            return SaveOutcome.Conflict;
        }

        if (!await CallRowsSql.InsertCallAsync(_sql, newCall, ct).ConfigureAwait(false))
        {
            // Another writer stored the same (source, call id) first; the intake replays it.
            return await FindCallAsync(newCall.Call.Source.Trim(), newCall.Call.CallId.Trim(), ct).ConfigureAwait(false) is not null
                ? SaveOutcome.AlreadyStored
                : throw new InvalidOperationException($"Call '{newCall.Call.CallId}' from '{newCall.Call.Source}' breaks a unique key of scored calls.");
        }

        await CallRowsSql.InsertScoresAsync(_sql, newCall, ct).ConfigureAwait(false);
        foreach (var flag in newCall.Flags)
        {
            if (await Stores.PeerExamples.ChooseAsync(db, flag, newCall.Rubric.Key, PeerExamples, newCall.ReceivedAt, ct).ConfigureAwait(false) is { } peer)
            {
                flag.ShowPeerExample(peer);
            }
        }

        db.Flags.AddRange(newCall.Flags);
        if (outbox is not null)
        {
            // Compliance flags come first from the rules, so they are queued (and sent) first.
            foreach (var flag in newCall.Flags.Where(_ => CardCallsFrom is not { } from || newCall.Call.CallTime >= from))
            {
                await outbox.PostFlagAsync(flag, ct).ConfigureAwait(false);
            }

            // Extended, split and folded flags: every copy of their cards shows the new state.
            foreach (var flag in newCall.ChangedFlags)
            {
                await outbox.RefreshAsync(flag.Id, ct).ConfigureAwait(false);
            }
        }

        if (db.ChangeTracker.HasChanges())
        {
            // The call's savepoint already bounds this save: EF's own would cost two more commands.
            db.Database.AutoSavepointsEnabled = false;
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            finally
            {
                db.Database.AutoSavepointsEnabled = true;
            }
        }

        return SaveOutcome.Saved;
    }

    // A flag write refused: another writer changed a flag this call changes, or took a streak's call first.
    private async Task<SaveOutcome> RefusedAsync(NewCall newCall, IReadOnlyList<CursorRead> cursors, DbUpdateException ex, CancellationToken ct)
    {
        if (ex is DbUpdateConcurrencyException)
        {
            return SaveOutcome.Conflict;
        }

        if (StreakHistory.IsUniqueViolation(ex))
        {
            // Evaluating again only helps when another writer moved a streak read; a key this call breaks
            // on its own would break the same way every time.
            return await StreakCursorSql.MovedSinceAsync(_sql, cursors, ct).ConfigureAwait(false)
                ? SaveOutcome.Conflict
                : throw new InvalidOperationException(
                    $"Call '{newCall.Call.CallId}' from '{newCall.Call.Source}' breaks a unique key no other writer holds: {ex.InnerException?.Message}", ex);
        }

        throw ex;
    }

    public void Dispose() => _sql.Dispose();

    /// <summary>On SQLite, the open connection's page cache in KiB (<see cref="SqliteConnectionSetup.UnitCacheKiB"/>).</summary>
    private async Task SetCacheAsync(int kib, CancellationToken ct)
    {
        if (_sql.Sqlite && db.Database.GetDbConnection().State == System.Data.ConnectionState.Open)
        {
            await _sql.ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = -{kib}"), [], ct).ConfigureAwait(false);
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
