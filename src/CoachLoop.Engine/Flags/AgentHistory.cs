namespace CoachLoop.Engine.Flags;

/// <summary>
/// An agent's earlier scores per criterion (newest first), with overturned scores already
/// removed: an overturned dispute no longer counts toward patterns or trends.
/// </summary>
public sealed class AgentHistory(IReadOnlyDictionary<string, IReadOnlyList<decimal>> scoresNewestFirst)
{
    public static AgentHistory Empty { get; } = new(new Dictionary<string, IReadOnlyList<decimal>>());

    public IReadOnlyList<decimal> For(string criterionId) =>
        scoresNewestFirst.TryGetValue(criterionId, out var scores) ? scores : [];
}
