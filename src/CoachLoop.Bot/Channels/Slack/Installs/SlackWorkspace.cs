namespace CoachLoop.Bot.Channels.Slack.Installs;

/// <summary>
/// The installation a Slack call is made for: its key (team id, or enterprise id of an org-wide install; what routes, chat
/// identities and stored clicks name as their tenant) and its bot token. <paramref name="Revoked"/> holds the reason the
/// installation was removed (app_uninstalled, tokens_revoked); nothing may be sent with it then.
/// </summary>
public sealed record SlackWorkspace(string Key, string Token, string? Revoked = null)
{
    public override string ToString() => $"Slack installation '{Key}'"; // the token stays out of logs and errors
}
