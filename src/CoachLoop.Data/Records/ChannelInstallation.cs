namespace CoachLoop.Data.Records;

/// <summary>
/// The app installed in a Slack workspace or a Teams tenant/team. When it is removed (app_uninstalled,
/// tokens_revoked, installationUpdate remove) nothing more is sent there.
/// </summary>
public sealed class ChannelInstallation
{
    public Guid Id { get; set; }
    public string Channel { get; set; } = "";

    /// <summary>Slack team (workspace) id or enterprise id; Teams tenant id.</summary>
    public string Tenant { get; set; } = "";

    /// <summary>Teams team id, Slack enterprise install marker, or empty.</summary>
    public string Scope { get; set; } = "";

    public bool Active { get; set; }
    public DateTimeOffset InstalledAt { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }
    public string? Detail { get; set; }
}
