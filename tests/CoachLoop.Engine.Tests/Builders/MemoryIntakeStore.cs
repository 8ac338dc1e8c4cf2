namespace CoachLoop.Engine.Tests.Builders;

/// <summary>
/// The intake's storage in memory, for replaying calls in any arrival order through the real intake.
/// Reads around a call time the way the database store does: every stored, non-overturned score with the
/// pattern flag whose streak names it.
/// </summary>
public sealed class MemoryIntakeStore(Rubric rubric, Person person) : ICallIntakeStore
{
    private readonly List<(Guid Id, ScoredCall Call, string Hash, CallReceipt Receipt)> _calls = [];
    private readonly HashSet<(string CallId, string CriterionId)> _overturned = [];

    public List<Flag> Flags { get; } = [];

    public IEnumerable<Flag> Patterns => Flags.Where(f => f.Kind == FlagKind.Pattern);

    /// <summary>A dispute overturned this call's score on the criterion: it counts toward nothing from now on.</summary>
    public void Overturn(string callId, string criterionId) => _overturned.Add((callId, criterionId));

    public Task<StoredCall?> FindCallAsync(string source, string callId, CancellationToken ct) =>
        Task.FromResult(_calls.Where(c => c.Call.Source == source && c.Call.CallId == callId)
            .Select(c => new StoredCall(c.Hash, c.Receipt)).FirstOrDefault());

    public Task<Rubric?> FindRubricAsync(string key, int version, CancellationToken ct) =>
        Task.FromResult<Rubric?>(rubric.Key == key && rubric.Version == version ? rubric : null);

    public Task<Person?> FindAgentAsync(string agent, CancellationToken ct) => Task.FromResult<Person?>(person);

    public Task<AgentHistory> GetHistoryAsync(Guid agentId, IReadOnlyCollection<string> criterionIds, DateTimeOffset around,
        CancellationToken ct)
    {
        var history = criterionIds.ToDictionary(id => id, id => (IReadOnlyList<HistoryCall>)_calls
            .Where(c => !_overturned.Contains((c.Call.CallId, id)))
            .SelectMany(c => c.Call.Scores.Where(s => s.CriterionId == id)
                .Select(s => new HistoryCall(c.Id, c.Call.Source, c.Call.CallId, c.Call.CallTime, s.Score, ClaimOf(c.Id, id))))
            .ToList());
        return Task.FromResult(new AgentHistory(history));
    }

    public Task<Flag?> FindFlagAsync(Guid flagId, CancellationToken ct) => Task.FromResult(Flags.FirstOrDefault(f => f.Id == flagId));

    public Task<IReadOnlyList<Flag>> FindOpenQualityFlagsAsync(Guid agentId, string criterionId, IReadOnlyCollection<Guid> scoredCallIds,
        CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Flag>>(Flags.Where(f => f.Kind == FlagKind.Quality && f.IsOpen && f.CriterionId == criterionId
            && scoredCallIds.Contains(f.ScoredCallId)).ToList());

    public Task<SaveOutcome> TrySaveAsync(NewCall newCall, CancellationToken ct)
    {
        _calls.Add((newCall.ScoredCallId, newCall.Call, newCall.ContentHash, newCall.Receipt));
        Flags.AddRange(newCall.Flags);
        return Task.FromResult(SaveOutcome.Saved);
    }

    /// <summary>The open flags on a criterion, by kind.</summary>
    public IEnumerable<Flag> Open(string criterionId, FlagKind kind) => Flags.Where(f => f.IsOpen && f.Kind == kind && f.CriterionId == criterionId);

    private Guid? ClaimOf(Guid scoredCallId, string criterionId) =>
        Patterns.FirstOrDefault(f => f.CriterionId == criterionId && f.Streak.Any(s => s.ScoredCallId == scoredCallId))?.Id;
}
