namespace CoachLoop.Data.Records;

/// <summary>
/// One row per agent and criterion that every intake scoring that criterion bumps in its write. Two calls
/// of the same agent evaluated at once therefore cannot both commit on what they read: the second is
/// evaluated again, so a streak completed by concurrent calls is still seen, and flagged once.
/// </summary>
public sealed class StreakCursor
{
    public Guid AgentId { get; set; }
    public string CriterionId { get; set; } = "";

    /// <summary>The optimistic concurrency token.</summary>
    public int Revision { get; set; }
}
