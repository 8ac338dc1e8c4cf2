namespace CoachLoop.Engine.Tests.Builders;

/// <summary>An agent's other calls per criterion, as the store hands them to the rules.</summary>
public sealed class HistoryBuilder
{
    private readonly Dictionary<string, List<HistoryCall>> _calls = new(StringComparer.Ordinal);

    /// <summary>Earlier scores, newest first, one hour apart before <see cref="Moments.CallTime"/>, none named by a pattern flag.</summary>
    public HistoryBuilder NewestFirst(string criterionId, params decimal[] scores)
    {
        for (var i = 0; i < scores.Length; i++)
        {
            Call(criterionId, $"h{i + 1}", Moments.CallTime.AddHours(-(i + 1)), scores[i]);
        }

        return this;
    }

    /// <summary>One call at a given time, optionally already named by a pattern flag's streak.</summary>
    public HistoryBuilder Call(string criterionId, string callId, DateTimeOffset at, decimal score, Guid? patternFlagId = null,
        string source = "qa-auto")
    {
        if (!_calls.TryGetValue(criterionId, out var list))
        {
            _calls[criterionId] = list = [];
        }

        list.Add(new HistoryCall(Guid.CreateVersion7(), source, callId, at, score, patternFlagId));
        return this;
    }

    public AgentHistory Build() => new(_calls.ToDictionary(c => c.Key, c => (IReadOnlyList<HistoryCall>)c.Value, StringComparer.Ordinal));
}
