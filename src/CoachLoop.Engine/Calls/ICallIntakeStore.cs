using CoachLoop.Engine.Flags;
using CoachLoop.Engine.People;
using CoachLoop.Engine.Rubrics;

namespace CoachLoop.Engine.Calls;

/// <summary>The storage the intake needs. Implemented by the data layer.</summary>
public interface ICallIntakeStore
{
    Task<StoredCall?> FindCallAsync(string source, string callId, CancellationToken ct);

    Task<Rubric?> FindRubricAsync(string key, int version, CancellationToken ct);

    /// <summary>Finds the agent by external id first, then by email.</summary>
    Task<Person?> FindAgentAsync(string agent, CancellationToken ct);

    /// <summary>
    /// The agent's non-overturned scores per criterion on the calls nearest <paramref name="around"/> in call
    /// time, before and after it, each with the pattern flag whose streak names it. The store remembers what
    /// it read so that <see cref="TrySaveAsync"/> reports a <see cref="SaveOutcome.Conflict"/> when another
    /// writer changed the agent's streak on one of these criteria in between.
    /// </summary>
    Task<AgentHistory> GetHistoryAsync(Guid agentId, IReadOnlyCollection<string> criterionIds, DateTimeOffset around, CancellationToken ct);

    /// <summary>A flag to change in the same write as the call.</summary>
    Task<Flag?> FindFlagAsync(Guid flagId, CancellationToken ct);

    /// <summary>The agent's open quality flags on the criterion raised for any of the given calls, to change in the same write.</summary>
    Task<IReadOnlyList<Flag>> FindOpenQualityFlagsAsync(Guid agentId, string criterionId, IReadOnlyCollection<Guid> scoredCallIds,
        CancellationToken ct);

    /// <summary>
    /// Stores the call, its scores, its new flags, the changed flags and all their audit entries in one
    /// transaction, and queues the card posts and updates they cause. Nothing is written unless it returns
    /// <see cref="SaveOutcome.Saved"/>.
    /// </summary>
    Task<SaveOutcome> TrySaveAsync(NewCall newCall, CancellationToken ct);

    /// <summary>
    /// Runs the intake of several calls as one unit that commits once: each call's write still stands or fails on its own
    /// inside it, and what each one reads includes the writes before it. False when the unit as a whole failed (nothing of
    /// it is written): the caller then takes the calls one by one. A store without such units runs the work as it comes.
    /// </summary>
    async Task<bool> TryTogetherAsync(Func<CancellationToken, Task> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        await work(ct).ConfigureAwait(false);
        return true;
    }
}
