using CoachLoop.Engine.Coaching;
using CoachLoop.Engine.Flags;

namespace CoachLoop.Engine.Calls;

/// <summary>
/// Takes in a scored call: validates it, makes it idempotent on (source, call id), evaluates the
/// flag rules against the agent's history, drafts each flag's plan, and stores it all at once.
/// </summary>
public sealed class ScoredCallIntake(ICallIntakeStore store, TimeProvider clock)
{
    public async Task<IntakeResult> IngestAsync(ScoredCall call, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        var hash = CallFingerprint.Compute(call);
        if (await ReplayAsync(call, hash, ct).ConfigureAwait(false) is { } replay)
        {
            return replay;
        }

        var now = clock.GetUtcNow();
        var rubric = await store.FindRubricAsync(call.RubricKey ?? "", call.RubricVersion, ct).ConfigureAwait(false);
        var agent = string.IsNullOrWhiteSpace(call.Agent) ? null : await store.FindAgentAsync(call.Agent, ct).ConfigureAwait(false);
        var errors = ScoredCallValidator.Validate(call, rubric, agent is not null, now);
        if (errors.Count > 0)
        {
            return IntakeResult.Invalid(errors);
        }

        var criterionIds = call.Scores.Select(s => s.CriterionId).ToList();
        var history = await store.GetHistoryAsync(agent!.Id, criterionIds, call.CallTime, ct).ConfigureAwait(false);
        var scoredCallId = Guid.CreateVersion7(now);
        var drafts = FlagRules.Evaluate(rubric!, call, history);
        var flags = new List<Flag>();
        var raised = new List<RaisedFlag>();
        foreach (var draft in drafts)
        {
            var plan = ActionPlanBuilder.Build(draft, call, agent.TypicalCallsPerDay, now);
            var flag = Flag.Raise(draft, plan, call, scoredCallId, agent.Id, agent.TeamId, rubric!, now);
            flags.Add(flag);
            raised.Add(new RaisedFlag(flag.Id, flag.Kind, flag.Urgent, flag.CriterionId, draft.Reasons, plan));
        }

        var receipt = new CallReceipt(scoredCallId, call.Source, call.CallId, agent.Id, raised);
        var saved = await store.TrySaveAsync(new NewCall(scoredCallId, call, hash, rubric!, agent, flags, receipt, now), ct)
            .ConfigureAwait(false);
        if (saved)
        {
            return new IntakeResult(IntakeOutcome.Accepted, receipt, []);
        }

        // Another writer stored the same call between our read and our write.
        return await ReplayAsync(call, hash, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The call was reported stored by another writer but cannot be read back.");
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
