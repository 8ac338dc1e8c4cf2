namespace CoachLoop.Data.Stores;

/// <summary>A session's place in the log order: by when it was logged, then by flag id.</summary>
public sealed record CoachingLogPosition(DateTimeOffset SessionLoggedAt, Guid FlagId);
