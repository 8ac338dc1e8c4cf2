using CoachLoop.Engine.Coaching;
using CoachLoop.Engine.Flags;

namespace CoachLoop.Engine.Calls;

/// <summary>
/// Takes in a scored call: validates it, makes it idempotent on (source, call id), evaluates the
/// flag rules against the agent's history around the call's time, drafts each flag's plan, applies
/// what the call does to existing pattern streaks, and stores it all at once. When another writer
/// changed the agent's streak in between, the call is evaluated again on what is stored now.
/// </summary>
public sealed class ScoredCallIntake(ICallIntakeStore store, TimeProvider clock)
{
    /// <summary>How many times a call is evaluated before concurrent writers for the same agent are reported as an error.</summary>
    public const int MaxAttempts = 10;

    /// <summary>Calls of a batch taken in per commit: a commit per call would bound a backfill by the disk's flushes.</summary>
    public const int ChunkSize = 50;

    /// <summary>
    /// Takes in a batch: the same answer per call as <see cref="IngestAsync"/> in order, committed a chunk at a time. A chunk
    /// that cannot commit as a whole is taken again call by call, so one call never sinks the others.
    /// </summary>
    public Task<IReadOnlyList<IntakeResult>> IngestManyAsync(IReadOnlyList<ScoredCall> calls, CancellationToken ct = default) =>
        IngestManyAsync(calls, null, ct);

    /// <summary>As <see cref="IngestManyAsync(IReadOnlyList{ScoredCall}, CancellationToken)"/>, with a say over calls that throw.</summary>
    /// <param name="calls">The calls, answered in order.</param>
    /// <param name="failed">
    /// When given, a call whose intake throws when taken alone is handed to it (with its index), its answer is what it returns, and
    /// the calls after it go on: the failure stays that call's own. Without it the exception ends the batch.
    /// </param>
    /// <param name="ct">Cancels the intake.</param>
    public async Task<IReadOnlyList<IntakeResult>> IngestManyAsync(IReadOnlyList<ScoredCall> calls, Func<int, Exception, IntakeResult>? failed,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var results = new IntakeResult[calls.Count];
        for (var start = 0; start < calls.Count; start += ChunkSize)
        {
            var end = Math.Min(start + ChunkSize, calls.Count);
            var first = start;
            var together = await store.TryTogetherAsync(async token =>
            {
                for (var i = first; i < end; i++)
                {
                    results[i] = await IngestAsync(calls[i], token).ConfigureAwait(false);
                }
            }, ct).ConfigureAwait(false);
            for (var i = start; !together && i < end; i++)
            {
                try
                {
                    results[i] = await IngestAsync(calls[i], ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (failed is not null && ex is not OperationCanceledException)
                {
                    results[i] = failed(i, ex);
                }
            }
        }

        return results;
    }

    public async Task<IntakeResult> IngestAsync(ScoredCall call, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        var hash = CallFingerprint.Compute(call);
        if (await ReplayAsync(call, hash, ct).ConfigureAwait(false) is { } replay)
        {
            return replay;
        }

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var (result, outcome) = await AttemptAsync(call, hash, ct).ConfigureAwait(false);
            switch (outcome)
            {
                case SaveOutcome.Saved:
                    return result;
                case SaveOutcome.AlreadyStored:
                    // Another writer stored the same call between our read and our write.
                    return await ReplayAsync(call, hash, ct).ConfigureAwait(false)
                        ?? throw new InvalidOperationException("The call was reported stored by another writer but cannot be read back.");
            }
        }

        throw new InvalidOperationException(
            $"Call '{call.CallId}' from '{call.Source}' met concurrent changes to its agent's streaks {MaxAttempts} times; send it again.");
    }

    // Invalid calls come back as Saved with their refusal: nothing is written, nothing to retry.
    private async Task<(IntakeResult Result, SaveOutcome Outcome)> AttemptAsync(ScoredCall call, string hash, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rubric = await store.FindRubricAsync(call.RubricKey ?? "", call.RubricVersion, ct).ConfigureAwait(false);
        var agent = string.IsNullOrWhiteSpace(call.Agent) ? null : await store.FindAgentAsync(call.Agent, ct).ConfigureAwait(false);
        var errors = ScoredCallValidator.Validate(call, rubric, agent is not null, now);
        if (errors.Count > 0)
        {
            return (IntakeResult.Invalid(errors), SaveOutcome.Saved);
        }

        var criterionIds = call.Scores.Select(s => s.CriterionId).ToList();
        var history = await store.GetHistoryAsync(agent!.Id, criterionIds, call.CallTime, ct).ConfigureAwait(false);
        var scoredCallId = Guid.CreateVersion7(now);
        var decision = FlagRules.Decide(rubric!, call, history, scoredCallId);
        var flags = new List<Flag>();
        var raised = new List<RaisedFlag>();
        foreach (var draft in decision.Drafts)
        {
            var plan = ActionPlanBuilder.Build(draft, call, agent.TypicalCallsPerDay, now);
            var flag = Flag.Raise(draft, plan, call, scoredCallId, agent.Id, agent.TeamId, rubric!, now);
            flags.Add(flag);
            raised.Add(new RaisedFlag(flag.Id, flag.Kind, flag.Urgent, flag.CriterionId, draft.Reasons, plan));
        }

        var changed = await StreakChanges.ApplyAsync(store, decision, flags, now, ct).ConfigureAwait(false);
        var receipt = new CallReceipt(scoredCallId, call.Source, call.CallId, agent.Id, raised);
        var outcome = await store.TrySaveAsync(new NewCall(scoredCallId, call, hash, rubric!, agent, flags, changed, receipt, now), ct)
            .ConfigureAwait(false);
        return (new IntakeResult(IntakeOutcome.Accepted, receipt, []), outcome);
    }

    private async Task<IntakeResult?> ReplayAsync(ScoredCall call, string hash, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(call.Source) || string.IsNullOrWhiteSpace(call.CallId))
        {
            return null;
        }

        var existing = await store.FindCallAsync(call.Source, call.CallId, ct).ConfigureAwait(false);
        if (existing is null)
        {
            return null;
        }

        return existing.ContentHash == hash
            ? new IntakeResult(IntakeOutcome.Duplicate, existing.Receipt, [])
            : new IntakeResult(IntakeOutcome.Conflict, existing.Receipt,
                [new("callId", $"call '{call.CallId}' from '{call.Source}' was already received with different content")]);
    }
}
