namespace CoachLoop.Engine.Coaching;

public enum WorkshopStatus
{
    /// <summary>Scheduled from a digest suggestion (or the API); its flags wait for it.</summary>
    Scheduled,

    /// <summary>Held and logged: every flag of it has its session.</summary>
    Logged,
}
