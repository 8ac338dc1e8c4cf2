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

    /// <summary>The agent's earlier non-overturned scores per criterion, newest first, before <paramref name="before"/>.</summary>
    Task<AgentHistory> GetHistoryAsync(Guid agentId, IReadOnlyCollection<string> criterionIds, DateTimeOffset before, CancellationToken ct);

    /// <summary>
    /// Stores the call, its scores, its flags and their audit entries in one transaction. Returns false when
    /// another writer stored the same (source, call id) first; nothing of this call is then written.
    /// </summary>
    Task<bool> TrySaveAsync(NewCall newCall, CancellationToken ct);
}
