using System.ComponentModel.DataAnnotations;

namespace CoachLoop.Bot.Channels.Email;

/// <summary>
/// The email channel: digests (and weekly reports) for people who chose email, sent through this SMTP server by the outbox.
/// Off unless <see cref="Host"/> is set. The password comes from the environment (<c>COACHLOOP_Email__Password</c>), never a file.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The SMTP server; the channel is on when this is set.</summary>
    [MaxLength(253)]
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public EmailSecurity Security { get; set; } = EmailSecurity.StartTls;

    /// <summary>The sender, e.g. <c>CoachLoop &lt;coachloop@example.com&gt;</c>; its domain also names the Message-IDs.</summary>
    public string? From { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Where the email's links to act lead when the card's chat copy is not known: the web channel's public URL.</summary>
    public Uri? ActionBaseUrl { get; set; }

    /// <summary>How long one SMTP exchange (connect to the end of DATA) may take before it counts as a failure.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
