namespace CoachLoop.Bot.Telemetry;

/// <summary>Pending and dead-lettered outbox messages, and the age in seconds of the oldest pending one.</summary>
public sealed record OutboxSnapshot(long Pending, long Dead, double OldestAge);
