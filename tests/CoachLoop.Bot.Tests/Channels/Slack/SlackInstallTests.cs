using System.Text;
using CoachLoop.Bot.Channels.Slack;
using CoachLoop.Bot.Channels.Slack.Installs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>The OAuth v2 install flow over HTTP against the fake Slack: what is asked, what is stored, and what is refused.</summary>
public sealed class SlackInstallTests
{
    private static readonly FakeSlackInstall WorkspaceA = FakeSlackInstall.Workspace("T0AAA");

    [Fact]
    public async Task TheInstallLinkSendsTheInstallerToSlackWithTheBotScopesAndAStateBoundToTheirBrowser()
    {
        await using var slack = await SlackHost.StartAsync(linkTeam: false, installs: true);
        using var browser = slack.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var started = await browser.GetAsync(new Uri("/slack/install", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var authorize = started.Headers.Location!;
        Assert.Equal(slack.Fake.AuthorizeUrl.GetLeftPart(UriPartial.Path), authorize.GetLeftPart(UriPartial.Path));
        var query = SlackInstallFlow.Query(authorize);
        Assert.Equal(FakeSlackApi.ClientId, query["client_id"]);
        Assert.Equal(SlackOptions.DefaultScopes, query["scope"]);
        Assert.Equal("http://localhost/slack/oauth_redirect", query["redirect_uri"]);
        var cookie = Assert.Single(started.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(SlackInstallState.CookieName + "=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        var nonce = cookie.Split(';')[0].Split('=')[1];
        Assert.DoesNotContain(nonce, query["state"], StringComparison.Ordinal); // sealed, not readable
    }

    [Fact]
    public async Task InstallingStoresTheWorkspaceWithItsBotTokenEncryptedAndExchangesTheCodeWithTheAppsCredentials()
    {
        await using var slack = await SlackHost.StartAsync(linkTeam: false, installs: true);

        await SlackInstallFlow.InstallAsync(slack, WorkspaceA);

        var exchange = Assert.Single(slack.Fake.CallsOf("oauth.v2.access"));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(FakeSlackApi.ClientId + ":" + FakeSlackApi.ClientSecret)),
            exchange.Headers["Authorization"]);
        Assert.Equal("http://localhost/slack/oauth_redirect", exchange.Arg("redirect_uri"));
        var token = slack.Fake.Tokens.Single(t => t.Value == WorkspaceA).Key;
        var row = await slack.App.WithDbAsync(db => db.SlackInstallations.AsNoTracking().SingleAsync());
        Assert.Equal(("T0AAA", "T0AAA", null, false), (row.InstallKey, row.TeamId, row.EnterpriseId, row.IsEnterpriseInstall));
        Assert.Equal(("UBOTT0AAA", "A0FAKEAPP", SlackOptions.DefaultScopes), (row.BotUserId, row.AppId, row.Scopes));
        Assert.StartsWith("UINSTALLER", row.InstallerUserId, StringComparison.Ordinal);
        Assert.Null(row.RevokedAt);

        var stored = await RawTokenColumnAsync(slack);
        Assert.DoesNotContain(token, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("xoxb-", stored, StringComparison.Ordinal);
        Assert.Equal(token, slack.App.Services.GetRequiredService<SlackTokenVault>().Unprotect(stored));
    }

    [Fact]
    public async Task AnOrgWideInstallIsKeyedByItsEnterpriseAndInstallingAgainUpdatesInPlace()
    {
        await using var slack = await SlackHost.StartAsync(linkTeam: false, installs: true);
        var org = FakeSlackInstall.Org("E0ORG");

        await SlackInstallFlow.InstallAsync(slack, org);
        await SlackInstallFlow.InstallAsync(slack, org);

        var row = await slack.App.WithDbAsync(db => db.SlackInstallations.AsNoTracking().SingleAsync());
        Assert.Equal(("E0ORG", null, "E0ORG", true), (row.InstallKey, row.TeamId, row.EnterpriseId, row.IsEnterpriseInstall));
        Assert.Equal(2, slack.Fake.CallsOf("oauth.v2.access").Count);
        // The fake numbers the tokens it issues: the row holds the second install's.
        var decrypted = slack.App.Services.GetRequiredService<SlackTokenVault>().Unprotect(row.ProtectedBotToken);
        Assert.StartsWith("xoxb-fake-E0ORG-2-", decrypted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForgedStateIsRefusedBeforeAnyCodeExchange()
    {
        await using var slack = await SlackHost.StartAsync(linkTeam: false, installs: true);
        using var flow = new SlackInstallFlow(slack);
        var back = await flow.ApproveAsync(await flow.StartAsync(), WorkspaceA);
        var query = SlackInstallFlow.Query(back);

        var forged = await flow.ReturnAsync(new Uri($"http://localhost/slack/oauth_redirect?code={query["code"]}&state=forged-{query["state"][..20]}"));

        await AssertRefusedAsync(slack, forged, "not one CoachLoop made");
    }

    [Fact]
    public async Task AnExpiredStateIsRefusedBeforeAnyCodeExchange()
    {
        await using var slack = await SlackHost.StartAsync(linkTeam: false, installs: true);
        using var flow = new SlackInstallFlow(slack);
        var back = await flow.ApproveAsync(await flow.StartAsync(), WorkspaceA);

        slack.App.Clock.Advance(TimeSpan.FromMinutes(11));
        var expired = await flow.ReturnAsync(back);

        await AssertRefusedAsync(slack, expired, "expired");
    }

    [Fact]
    public async Task AReplayedStateIsRefusedAndChangesNothing()
    {
        await using var slack = await SlackHost.StartAsync(linkTeam: false, installs: true);
        using var flow = new SlackInstallFlow(slack);
        var back = await flow.ApproveAsync(await flow.StartAsync(), WorkspaceA);
        Assert.Equal(HttpStatusCode.OK, (await flow.ReturnAsync(back)).StatusCode);
        var before = await slack.App.WithDbAsync(db => db.SlackInstallations.AsNoTracking().SingleAsync());

        // The same redirect again, from a browser that kept the cookie, with a fresh code for another workspace: the state was spent.
        var replay = new Uri(back.AbsoluteUri.Replace(SlackInstallFlow.Query(back)["code"], slack.Fake.IssueCode(FakeSlackInstall.Workspace("T0EVIL")),
            StringComparison.Ordinal));
        using var kept = slack.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(replay.PathAndQuery, UriKind.Relative));
        request.Headers.Add("Cookie", flow.Cookie);
        var replayed = await kept.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Contains("used already", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(slack.Fake.CallsOf("oauth.v2.access"));
        var after = await slack.App.WithDbAsync(db => db.SlackInstallations.AsNoTracking().SingleAsync());
        Assert.Equal((before.InstallKey, before.ProtectedBotToken, before.UpdatedAt), (after.InstallKey, after.ProtectedBotToken, after.UpdatedAt));
    }

    [Fact]
    public async Task AStateCarriedToAnotherBrowserIsRefused()
    {
        await using var slack = await SlackHost.StartAsync(linkTeam: false, installs: true);
        using var victim = new SlackInstallFlow(slack);
        using var attacker = new SlackInstallFlow(slack);
        var back = await attacker.ApproveAsync(await attacker.StartAsync(), FakeSlackInstall.Workspace("T0EVIL"));

        var carried = await victim.ReturnAsync(back);

        await AssertRefusedAsync(slack, carried, "another browser");
    }

    private static async Task AssertRefusedAsync(SlackHost slack, HttpResponseMessage response, string reason)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(slack.Fake.CallsOf("oauth.v2.access"));
        Assert.Equal(0, await slack.App.WithDbAsync(db => db.SlackInstallations.CountAsync()));
        Assert.Equal(0, await slack.App.WithDbAsync(db => db.ChannelInstallations.CountAsync()));
    }

    /// <summary>The token column as the database holds it, read with plain SQL (not through the model).</summary>
    internal static Task<string> RawTokenColumnAsync(SlackHost slack) => slack.App.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT protected_bot_token FROM slack_installations";
        return (string)(await command.ExecuteScalarAsync())!;
    });
}
