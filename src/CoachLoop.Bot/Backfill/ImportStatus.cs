namespace CoachLoop.Bot.Backfill;

/// <summary>The states of an import job, as stored and as the API spells them.</summary>
internal static class ImportStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
}
