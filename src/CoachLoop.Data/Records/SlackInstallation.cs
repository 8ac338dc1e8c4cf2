namespace CoachLoop.Data.Records;

/// <summary>
/// CoachLoop installed into one Slack workspace, or org-wide into an Enterprise Grid org, through the OAuth v2 flow. The bot
/// token is stored encrypted (ASP.NET Core Data Protection, keys in <see cref="CoachLoopDbContext.DataProtectionKeys"/>), never
/// in plain text. Installing again into the same workspace or org updates this row in place; uninstalling or revoking the
/// token marks it revoked and nothing more is sent with it.
/// </summary>
public sealed class SlackInstallation
{
    public Guid Id { get; set; }

    /// <summary>What routes, chat identities and stored clicks name as their tenant: the team id, or the enterprise id of an org-wide install.</summary>
    public string InstallKey { get; set; } = "";

    /// <summary>The workspace (T…); null for an org-wide install.</summary>
    public string? TeamId { get; set; }

    /// <summary>The Enterprise Grid org (E…), for a workspace in an org and for an org-wide install.</summary>
    public string? EnterpriseId { get; set; }

    public bool IsEnterpriseInstall { get; set; }
    public string? AppId { get; set; }
    public string BotUserId { get; set; } = "";

    /// <summary>The bot token (xoxb-…) as Data Protection ciphertext.</summary>
    public string ProtectedBotToken { get; set; } = "";

    /// <summary>The bot scopes Slack granted, comma-separated as Slack lists them.</summary>
    public string Scopes { get; set; } = "";

    /// <summary>The Slack user who installed the app.</summary>
    public string? InstallerUserId { get; set; }

    public DateTimeOffset InstalledAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When app_uninstalled or tokens_revoked arrived; a revoked installation sends nothing.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedReason { get; set; }
}
