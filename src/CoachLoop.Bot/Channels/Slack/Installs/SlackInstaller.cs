using CoachLoop.Data;
using CoachLoop.Data.Records;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Channels.Slack.Installs;

/// <summary>
/// Stores what <see href="https://api.slack.com/methods/oauth.v2.access">oauth.v2.access</see> answered for an install: the
/// workspace, or the org of an org-wide install (<c>team</c> null, <c>is_enterprise_install</c> true), the bot user, the bot token
/// encrypted, the scopes and the installer. Installing again into the same workspace or org updates its row and makes it active
/// again.
/// </summary>
public sealed partial class SlackInstaller(CoachLoopDbContext db, SlackTokenVault vault, TimeProvider clock, ILogger<SlackInstaller> logger)
{
    /// <summary>The installation stored, and the name of its workspace or org; or why nothing was stored.</summary>
    public async Task<(SlackInstallation? Installed, string Name, string? Failure)> StoreAsync(SlackApiResponse answer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!answer.Ok)
        {
            return (null, "", "Slack did not accept the install: " + answer.Describe());
        }

        var token = answer.Get("access_token");
        var enterprise = answer.Get("enterprise.id");
        var team = answer.Get("team.id");
        var orgWide = answer.Body?["is_enterprise_install"] is System.Text.Json.Nodes.JsonValue flag && flag.TryGetValue<bool>(out var yes) && yes;
        var key = SlackInstallKey.Of(enterprise, team, orgWide);
        if (string.IsNullOrEmpty(token) || answer.Get("token_type") is { } type && type != "bot" || key.Length == 0)
        {
            return (null, "", "Slack's answer holds no bot token for a workspace or org");
        }

        var now = clock.GetUtcNow();
        for (var attempt = 0; ; attempt++)
        {
            var row = await db.SlackInstallations.FirstOrDefaultAsync(i => i.InstallKey == key, ct).ConfigureAwait(false);
            if (row is null)
            {
                row = new SlackInstallation { Id = Guid.CreateVersion7(now), InstallKey = key, InstalledAt = now };
                db.SlackInstallations.Add(row);
            }
            else
            {
                vault.Forget(row.ProtectedBotToken);
            }

            row.TeamId = orgWide ? null : team;
            row.EnterpriseId = enterprise;
            row.IsEnterpriseInstall = orgWide;
            row.AppId = answer.Get("app_id");
            row.BotUserId = answer.Get("bot_user_id") ?? "";
            row.ProtectedBotToken = vault.Protect(token);
            row.Scopes = answer.Get("scope") ?? "";
            row.InstallerUserId = answer.Get("authed_user.id");
            row.UpdatedAt = now;
            row.RevokedAt = null;
            row.RevokedReason = null;
            await ReactivateAsync(key, now, ct).ConfigureAwait(false);
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                LogInstalled(logger, key, orgWide);
                return (row, (orgWide ? answer.Get("enterprise.name") : answer.Get("team.name")) ?? key, null);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // The same workspace was installed at the same moment on another request: update that row instead.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Routing skips a tenant whose installations were all removed: an install makes it active again.</summary>
    private async Task ReactivateAsync(string key, DateTimeOffset now, CancellationToken ct)
    {
        var marks = await db.ChannelInstallations.Where(i => i.Channel == ChatIdentity.Slack && i.Tenant == key).ToListAsync(ct).ConfigureAwait(false);
        if (marks.Count == 0)
        {
            db.ChannelInstallations.Add(new ChannelInstallation
            {
                Id = Guid.CreateVersion7(now), Channel = ChatIdentity.Slack, Tenant = key, Active = true, InstalledAt = now, Detail = "oauth install",
            });
        }

        foreach (var mark in marks)
        {
            (mark.Active, mark.RemovedAt, mark.Detail, mark.InstalledAt) = (true, null, "oauth install", now);
        }
    }

    [LoggerMessage(LogLevel.Information, "CoachLoop was installed in Slack {Key} (org-wide: {OrgWide})")]
    private static partial void LogInstalled(ILogger logger, string key, bool orgWide);
}
