using CoachLoop.Engine.Flags;

namespace CoachLoop.Bot.Api;

/// <summary>One call of a pattern flag's streak: which call, when, its score on the criterion, and when it joined.</summary>
internal sealed record StreakCallView(Guid ScoredCallId, string Source, string CallId, DateTimeOffset CallTime, decimal Score, DateTimeOffset AddedAt)
{
    public static StreakCallView From(StreakCall c) => new(c.ScoredCallId, c.Source, c.CallId, c.CallTime, c.Score, c.AddedAt);
}
