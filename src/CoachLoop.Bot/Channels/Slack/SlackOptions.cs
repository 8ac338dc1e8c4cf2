using System.ComponentModel.DataAnnotations;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// The Slack channel. It is off unless both <see cref="SigningSecret"/> and <see cref="BotToken"/> are set; those two (and
/// <see cref="PreviousSigningSecret"/> during a rotation) come from the environment (<c>Slack__SigningSecret</c>,
/// <c>Slack__BotToken</c>) or user secrets, never from appsettings.json, and are never logged.
/// </summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>Signing secret of the app (Basic Information page) that requests are verified with.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The secret being rotated out: requests signed with it are accepted until it is removed.</summary>
    public string? PreviousSigningSecret { get; set; }

    /// <summary>The bot token, xoxb-….</summary>
    public string? BotToken { get; set; }

    /// <summary>Slack Web API base; tests point it at a loopback fake.</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>How far a request timestamp may be from now (Slack: five minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:30", "00:10:00")]
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest request body read; Slack's payloads are far smaller.</summary>
    [Range(1024, 10 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Time allowed for one Web API call.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan ApiTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The slash command this app answers.</summary>
    [Required]
    public string Command { get; set; } = "/coach";

    /// <summary>Stored clicks run at the same time (each on a different card); clicks on one card run in the order they came.</summary>
    [Range(1, 64)]
    public int ClickParallelism { get; set; } = 8;

    /// <summary>
    /// A claimed click is another host's to run once this runs out (its host died); a host restarted under the same
    /// <c>Outbox:HostName</c> takes its own claims back at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ClickLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the click workers look for stored clicks when nothing woke them (another host stored them).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ClickPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Runs of a click that failed with an error before it is given up (recorded with its failure).</summary>
    [Range(1, 100)]
    public int ClickMaxAttempts { get; set; } = 5;

    /// <summary>How long a handled click stays stored (a Slack retry of it within this time is recognised).</summary>
    [Range(typeof(TimeSpan), "00:10:00", "90.00:00:00")]
    public TimeSpan ClickRetention { get; set; } = TimeSpan.FromDays(2);

    public bool Enabled => !string.IsNullOrWhiteSpace(SigningSecret) && !string.IsNullOrWhiteSpace(BotToken);

    public IReadOnlyList<string> SigningSecrets =>
        new[] { SigningSecret, PreviousSigningSecret }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToList();
}
