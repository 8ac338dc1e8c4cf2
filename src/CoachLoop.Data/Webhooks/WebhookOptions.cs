using System.ComponentModel.DataAnnotations;

namespace CoachLoop.Data.Webhooks;

/// <summary>How webhook subscriptions are seen, how their secrets are kept and how long a receiver may take.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// How often a host reloads the subscriptions it stages events for. A change made through this host's API counts at once;
    /// other hosts see it within this interval (the state-change path reads no subscription table, so clicks stay as cheap).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a receiver may take to answer before the attempt counts as failed (outcome unknown).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A base64 key of 32 bytes that encrypts subscription secrets at rest (AES-GCM). Without it secrets are stored as given,
    /// protected only by the database's own access control. Every host needs the same key.
    /// </summary>
    public string? SecretKey { get; set; }
}
