namespace CoachLoop.Engine.Common;

/// <summary>
/// A state change an entity made, waiting to be written to the append-only audit trail in the
/// same transaction as the change itself.
/// </summary>
public sealed record StateChange(
    string EntityType,
    Guid EntityId,
    string Action,
    Actor Actor,
    DateTimeOffset At,
    string? Before,
    string? After,
    string? Detail = null);
