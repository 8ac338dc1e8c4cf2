using CoachLoop.Engine.Flags;

namespace CoachLoop.Data.Stores;

/// <summary>Which flags a list shows, how many, and after which one (the last of the page before).</summary>
public sealed record FlagFilter(Guid? TeamId, Guid? AgentId, IReadOnlyCollection<FlagStatus>? Statuses, int Limit = 100, FlagPosition? After = null);
