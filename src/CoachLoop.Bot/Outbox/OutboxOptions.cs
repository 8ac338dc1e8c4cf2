using System.ComponentModel.DataAnnotations;

namespace CoachLoop.Bot.Outbox;

/// <summary>How the dispatcher delivers: how often it looks, how long a claim lasts, how it backs off.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    public bool Enabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A claimed message is someone else's to retry once its lease runs out (host died mid-delivery). The same host, restarted
    /// under the same <see cref="HostName"/>, takes its own leases back at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many lane heads one look at the queue considers.</summary>
    [Range(1, 500)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Lanes (conversations) of non-urgent cards delivered at the same time; each lane sends one message at a time.</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 8;

    /// <summary>Urgent lanes have slots of their own, so they never wait for a non-urgent lane to finish.</summary>
    [Range(1, 64)]
    public int UrgentParallelism { get; set; } = 4;

    /// <summary>
    /// This host's stable name in leases (for example the pod name of a StatefulSet). Must differ between hosts that run at the
    /// same time against one database; a host restarted under the same name resumes its in-flight sends at once. Defaults to
    /// the machine name.
    /// </summary>
    [MaxLength(50)]
    public string? HostName { get; set; }
}
