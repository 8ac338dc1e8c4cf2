namespace CoachLoop.Data.Records;

/// <summary>
/// One state change: who (and in which role), what, when, through which channel, before and after.
/// Append-only: the context refuses to update or delete rows, and the database has triggers that do the same.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public string EntityType { get; set; } = "";
    public Guid EntityId { get; set; }
    public string Action { get; set; } = "";
    public Guid? ActorPersonId { get; set; }
    public string ActorName { get; set; } = "";
    public string ActorRole { get; set; } = "";
    public string Channel { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Detail { get; set; }
}
