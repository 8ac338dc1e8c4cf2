namespace CoachLoop.Data.Records;

/// <summary>
/// A backfill of scored calls (<c>POST /api/v1/scored-calls/imports</c>): its lines are stored in <see cref="ImportChunk"/>s in
/// call-time order before the request is answered, and a worker holding the job's lease applies them through the intake, a
/// batch at a time, recording its progress (<see cref="LinesRead"/> and the counts) in the same commit as the batch's calls.
/// </summary>
public sealed class ImportJob
{
    public Guid Id { get; set; }

    /// <summary><c>ndjson</c> or <c>csv</c>.</summary>
    public string Format { get; set; } = "";

    /// <summary>The file name the client gave (the CLI sends it), for the list; null when none was given.</summary>
    public string? FileName { get; set; }

    /// <summary><c>queued</c>, <c>running</c> or <c>completed</c>.</summary>
    public string Status { get; set; } = "";

    /// <summary>The calls (non-blank lines) of the body.</summary>
    public int TotalLines { get; set; }

    /// <summary>How many lines (in call-time order) have been applied: where a worker resumes.</summary>
    public int LinesRead { get; set; }

    public int Accepted { get; set; }
    public int Duplicates { get; set; }
    public int Invalid { get; set; }

    /// <summary>The first invalid lines with their errors, as JSON: line numbers and the errors per field; the rest are only counted.</summary>
    public string InvalidLines { get; set; } = "[]";

    /// <summary>Milliseconds spent applying lines, over all runs: the rate is lines read per active second.</summary>
    public long ActiveMilliseconds { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
}
