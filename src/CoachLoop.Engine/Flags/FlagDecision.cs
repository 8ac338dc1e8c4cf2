namespace CoachLoop.Engine.Flags;

/// <summary>What the rules decided for one call: flags to raise, and notes on pattern flags whose streaks it touches.</summary>
public sealed record FlagDecision(IReadOnlyList<FlagDraft> Drafts, IReadOnlyList<StreakNote> Notes);
