using System.Text.Json.Nodes;
using CoachLoop.Engine.Flags;
using CoachLoop.Bot.Channels.Slack;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>Clicks from several installations, over the request URL and over Socket Mode: each is served with its own token.</summary>
public sealed class SlackInstallClickTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AClickInAWorkspaceAndOneFromAnOrgWideInstallAreServedWithTheirOwnTokens(bool socketMode)
    {
        await using var slack = await SlackMultiWorkspaceTests.StartThreeAsync(socketMode);
        await SlackMultiWorkspaceTests.ScoreAllAsync(slack, "1");
        var updatesBefore = slack.Fake.CallsOf("chat.update").Count;

        // Noel approves in workspace B; Max, in a workspace of the org, approves through the org-wide install.
        await ClickAsync(slack, socketMode, "UB_NOEL", "C0BBB", team: "T0BBB", enterprise: null, orgWide: false);
        await ClickAsync(slack, socketMode, "UE_MAX", "C0ORG", team: "T0ORG1", enterprise: "E0ORG", orgWide: true);
        await slack.WhenIdleAsync();
        await slack.Chat.DispatchAsync();

        Assert.Equal(FlagStatus.PracticeApproved, (await slack.Chat.FlagAsync("1-nia@example.com")).Status);
        Assert.Equal(FlagStatus.PracticeApproved, (await slack.Chat.FlagAsync("1-sam@example.com")).Status);
        var updates = slack.Fake.CallsOf("chat.update").Skip(updatesBefore).ToList();
        Assert.Contains(updates, u => u.Arg("channel") == "C0BBB" && u.Installation == "T0BBB");
        Assert.Contains(updates, u => u.Arg("channel") == "C0ORG" && u.Installation == "E0ORG");
        Assert.DoesNotContain(slack.Fake.Calls, c => c.Refused);
        // The clickers were looked up in their own installation, and are remembered under it.
        Assert.Equal(["E0ORG", "T0BBB"], slack.Fake.CallsOf("users.info").Select(c => c.Installation).Order());
        var identities = await slack.App.WithDbAsync(db => db.ChatIdentities.AsNoTracking()
            .Where(c => c.ExternalUserId == "UB_NOEL" || c.ExternalUserId == "UE_MAX").Select(c => c.Tenant).ToListAsync());
        Assert.Equal(["E0ORG", "T0BBB"], identities.Order());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ASlashCommandFromAnOrgWideInstallLooksTheInvokerUpWithTheOrgsToken(bool socketMode)
    {
        await using var slack = await SlackMultiWorkspaceTests.StartThreeAsync(socketMode);
        var fields = new Dictionary<string, string>
        {
            ["command"] = "/coach", ["text"] = "team", ["user_id"] = "UE_MAX", ["team_id"] = "T0ORG1", ["enterprise_id"] = "E0ORG",
            ["is_enterprise_install"] = "true", ["channel_id"] = "C0ORG", ["trigger_id"] = "t-1", ["response_url"] = "https://hooks.slack.invalid/x",
        };

        string reply;
        if (socketMode)
        {
            var ack = await slack.Socket!.AckOfAsync(await slack.Socket.SendAsync("slash_commands",
                new JsonObject(fields.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value))))));
            reply = ack["payload"]!["text"]!.GetValue<string>();
        }
        else
        {
            var form = string.Join('&', fields.Select(f => f.Key + "=" + Uri.EscapeDataString(f.Value)));
            var answered = await slack.SendAsync(SlackSigner.Form("/slack/commands", form, slack.Now));
            reply = (await Json.ReadAsync(answered)).GetProperty("text").GetString()!;
        }

        Assert.Contains("Approvals waiting", reply, StringComparison.Ordinal);
        Assert.Equal("E0ORG", Assert.Single(slack.Fake.CallsOf("users.info")).Installation);
    }

    [Fact]
    public async Task AUserOfAnotherWorkspaceWithAManagersEmailIsNotThatManager()
    {
        await using var slack = await SlackMultiWorkspaceTests.StartThreeAsync();
        // Workspace B's admin gives one of its users the email of Morgan, whose team (east) is linked in workspace A.
        slack.Fake.UsersOf("T0BBB")["morgan@example.com"] = "UB_IMPOSTOR";
        var form = "command=%2Fcoach&text=team&user_id=UB_IMPOSTOR&team_id=T0BBB&channel_id=C0BBB&trigger_id=t-2&response_url=https%3A%2F%2Fhooks.slack.invalid%2Fy";

        var answered = await slack.SendAsync(SlackSigner.Form("/slack/commands", form, slack.Now));

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.DoesNotContain("Approvals waiting", (await Json.ReadAsync(answered)).GetProperty("text").GetString()!, StringComparison.Ordinal);
        Assert.Equal(0, await slack.App.WithDbAsync(db => db.ChatIdentities.CountAsync(c => c.ExternalUserId == "UB_IMPOSTOR")));
    }

    [Fact]
    public async Task AWorkspaceThatNeverInstalledGetsNoTokenEvenWhenOneInstallationIsTheOnlyOne()
    {
        await using var slack = await SlackHost.StartAsync(linkTeam: false, installs: true);
        await SlackInstallFlow.InstallAsync(slack, FakeSlackInstall.Workspace("T0AAA"));
        await using var scope = slack.App.Services.CreateAsyncScope();
        var installations = scope.ServiceProvider.GetRequiredService<CoachLoop.Bot.Channels.Slack.Installs.SlackInstallations>();

        // A card routed to a workspace nobody installed must not go out with the one installation's token.
        Assert.Null(await installations.ForKeyAsync("T0ZZZ", CancellationToken.None));
        Assert.Equal("T0AAA", (await installations.ForKeyAsync("T0AAA", CancellationToken.None))?.Key);
        Assert.Equal("T0AAA", (await installations.ForKeyAsync("", CancellationToken.None))?.Key); // a tenant nobody recorded
    }

    [Fact]
    public async Task ATokenUsedOutsideItsInstallationIsRefusedByTheFakeAsBySlack()
    {
        await using var slack = await SlackMultiWorkspaceTests.StartThreeAsync();
        var client = slack.App.Services.GetRequiredService<SlackApiClient>();
        var tokenOfA = slack.Fake.Tokens.Single(t => t.Value.Key == "T0AAA").Key;
        var tokenOfOrg = slack.Fake.Tokens.Single(t => t.Value.Key == "E0ORG").Key;

        var intoB = await client.PostReplyAsync(tokenOfA, "C0BBB", "hello", [], CancellationToken.None);
        var intoOrg = await client.PostReplyAsync(tokenOfOrg, "C0ORG", "hello", [], CancellationToken.None);
        var unknown = await client.PostReplyAsync("xoxb-nobody", "C0AAA", "hello", [], CancellationToken.None);

        Assert.Equal("channel_not_found", intoB.Error);
        Assert.True(intoOrg.Ok); // the org-wide install covers the org's workspaces
        Assert.Equal("invalid_auth", unknown.Error);
        Assert.Equal(2, slack.Fake.Calls.Count(c => c.Refused));
    }

    [Fact]
    public async Task AClientIdWithoutItsSecretRefusesToStart()
    {
        var settings = new Dictionary<string, string?> { ["Slack:SigningSecret"] = SlackSigner.Secret, ["Slack:ClientId"] = FakeSlackApi.ClientId };

        var refused = await CoachLoopApp.RefusedStartAsync(settings);

        Assert.Contains("Slack:ClientSecret", refused.Message, StringComparison.Ordinal);
    }

    private static async Task ClickAsync(SlackHost slack, bool socketMode, string user, string channel, string team, string? enterprise, bool orgWide)
    {
        var messageRef = await slack.App.WithDbAsync(db => db.CardPosts.AsNoTracking()
            .Where(p => p.ConversationId == channel && p.MessageRef != null).Select(p => p.MessageRef!).FirstAsync());
        var ts = messageRef.Split('|')[1];
        var post = slack.Fake.CallsOf("chat.postMessage").Single(p => p.Arg("channel") == channel && (p.Arg("blocks") ?? "").Contains("approvePractice", StringComparison.Ordinal));
        var payload = SlackHost.Click(user, post, ts, "approvePractice");
        payload["user"]!["team_id"] = team;
        payload["team"] = orgWide ? null : new JsonObject { ["id"] = team, ["domain"] = "fake" };
        payload["enterprise"] = enterprise is null ? null : new JsonObject { ["id"] = enterprise, ["name"] = "Org" };
        payload["is_enterprise_install"] = orgWide;
        if (socketMode)
        {
            await slack.Socket!.AckOfAsync(await slack.Socket.SendAsync("interactive", payload));
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, (await slack.SendAsync(SlackSigner.Payload(payload.ToJsonString(), slack.Now))).StatusCode);
        }
    }
}
