namespace CoachLoop.Engine.Tests.Builders;

/// <summary>An agent's earlier scores per criterion, newest first, as the store hands them to the rules.</summary>
public sealed class HistoryBuilder
{
    private readonly Dictionary<string, IReadOnlyList<decimal>> _scores = new(StringComparer.Ordinal);

    public HistoryBuilder NewestFirst(string criterionId, params decimal[] scores)
    {
        _scores[criterionId] = scores;
        return this;
    }

    public AgentHistory Build() => new(_scores);
}
