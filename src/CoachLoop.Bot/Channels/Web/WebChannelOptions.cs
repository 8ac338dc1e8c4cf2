namespace CoachLoop.Bot.Channels.Web;

/// <summary>
/// The local web channel: manager channels and direct messages as feeds in a browser, for trying
/// CoachLoop without a Slack or Teams account. Whoever opens it picks who they are, so it serves
/// loopback requests only and is meant for development (on by default there).
/// </summary>
public sealed class WebChannelOptions
{
    public const string Section = "WebChannel";

    public bool Enabled { get; set; }

    /// <summary>
    /// Offers "run due work now" on the page (follow-ups, reminders, digests as if due): for showing the whole loop on a laptop.
    /// On in Development (appsettings.Development.json), off anywhere else unless set.
    /// </summary>
    public bool RunDueWorkNow { get; set; }
}
