namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>
/// An installation the fake Slack knows a bot token for: one workspace (<see cref="Team"/>), or an org-wide install of an
/// Enterprise Grid org (<see cref="OrgWide"/>, no team), which covers every workspace of that org.
/// </summary>
public sealed record FakeSlackInstall(string? Team, string? Enterprise = null, bool OrgWide = false, string Name = "Fake workspace")
{
    /// <summary>What CoachLoop keys it by: the team id, or the enterprise id of an org-wide install.</summary>
    public string Key => (OrgWide ? Enterprise : Team) ?? "";

    public static FakeSlackInstall Workspace(string team, string? enterprise = null) => new(team, enterprise, Name: "Workspace " + team);

    public static FakeSlackInstall Org(string enterprise) => new(null, enterprise, OrgWide: true, Name: "Org " + enterprise);
}
