namespace CoachLoop.Engine.Flags;

/// <summary>
/// An agent's scored calls per criterion around a new call (before and after it in call time, in any
/// order), with overturned scores already removed: an overturned dispute no longer counts toward
/// patterns or trends. Each call says which pattern flag's streak already names it.
/// </summary>
public sealed class AgentHistory(IReadOnlyDictionary<string, IReadOnlyList<HistoryCall>> calls)
{
    public static AgentHistory Empty { get; } = new(new Dictionary<string, IReadOnlyList<HistoryCall>>());

    public IReadOnlyList<HistoryCall> For(string criterionId) =>
        calls.TryGetValue(criterionId, out var found) ? found : [];
}
