using System.ComponentModel.DataAnnotations;

namespace CoachLoop.Bot.Backfill;

/// <summary>How backfill imports (<c>POST /api/v1/scored-calls/imports</c>) are run and what they post.</summary>
public sealed class ImportOptions
{
    public const string Section = "Intake:Backfill";

    /// <summary>
    /// Flags of imported calls newer than this (by call time, against the moment the batch is applied) get cards as a posted call's
    /// would; older flags are raised, stored and counted (API, digests) without cards. <c>00:00:00</c> cards none.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan PostCardsNewerThan { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Whether this host runs import workers; a host without them still takes imports (another host runs them).</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>How long a worker's claim on a job lasts without progress; renewed with every batch.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often an idle worker looks for jobs submitted to another host (a job submitted here wakes it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Lines applied and recorded per commit: what a kill -9 can cost is one batch, taken again (as duplicates of nothing).</summary>
    [Range(1, 500)]
    public int BatchSize { get; set; } = 50;

    /// <summary>Invalid lines listed with their errors in a job; the rest are counted.</summary>
    [Range(1, 10000)]
    public int MaxListedInvalidLines { get; set; } = 100;
}
