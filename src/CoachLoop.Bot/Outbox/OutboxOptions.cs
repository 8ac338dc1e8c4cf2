using System.ComponentModel.DataAnnotations;

namespace CoachLoop.Bot.Outbox;

/// <summary>How the dispatcher delivers: how often it looks, how long a claim lasts, how it backs off.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    public bool Enabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A claimed message is someone else's to retry once its lease runs out (host died mid-delivery).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    [Range(1, 500)]
    public int BatchSize { get; set; } = 50;

    [Range(1, 64)]
    public int Parallelism { get; set; } = 4;

    /// <summary>A name for this host in leases; defaults to machine name and process id.</summary>
    public string? HostName { get; set; }
}
