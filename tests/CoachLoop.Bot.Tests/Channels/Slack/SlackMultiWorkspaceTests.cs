using System.Text.Json.Nodes;
using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>
/// Two workspaces and one Enterprise Grid org install CoachLoop; each team is linked in one of them. Each installation's cards
/// go out with its own token (the fake refuses a token outside its installation), and removing one leaves the others sending.
/// </summary>
public sealed class SlackMultiWorkspaceTests
{
    private static readonly FakeSlackInstall A = FakeSlackInstall.Workspace("T0AAA");
    private static readonly FakeSlackInstall B = FakeSlackInstall.Workspace("T0BBB");
    private static readonly FakeSlackInstall Org = FakeSlackInstall.Org("E0ORG");

    /// <summary>Channel of each installation's linked team: east in A, north in B, west in a workspace of the org.</summary>
    private static readonly Dictionary<string, string> ChannelOf = new() { ["T0AAA"] = "C0AAA", ["T0BBB"] = "C0BBB", ["E0ORG"] = "C0ORG" };

    /// <summary>The agent of the team linked in each installation.</summary>
    private static readonly Dictionary<string, string> AgentOf = new() { ["T0AAA"] = "ana@example.com", ["T0BBB"] = "nia@example.com", ["E0ORG"] = "sam@example.com" };

    [Fact]
    public async Task TwoWorkspacesAndAnOrgEachGetOnlyTheirOwnCardsWithTheirOwnToken()
    {
        await using var slack = await StartThreeAsync();

        await ScoreAllAsync(slack, "1");

        foreach (var (key, channel) in ChannelOf)
        {
            var posts = slack.Fake.CallsOf("chat.postMessage").Where(c => c.Arg("channel") == channel).ToList();
            Assert.NotEmpty(posts);
            Assert.All(posts, p => Assert.Equal(key, p.Installation));
        }

        // Every call was made with a token Slack accepted for what it touched: none refused, none with the wrong installation.
        Assert.DoesNotContain(slack.Fake.Calls, c => c.Refused);
        Assert.Equal(0, await slack.App.WithDbAsync(db => db.Outbox.CountAsync(m => m.Status != OutboxStatus.Sent)));
        // People are found in their own workspace: a lookup by email went to the installation of the person's team.
        foreach (var lookup in slack.Fake.CallsOf("users.lookupByEmail"))
        {
            Assert.Equal(AgentOf.Single(a => a.Value == lookup.Arg("email")).Key, lookup.Installation);
        }
    }

    [Theory]
    [InlineData("T0AAA", """{"type":"app_uninstalled"}""")]
    [InlineData("E0ORG", """{"type":"tokens_revoked","tokens":{"oauth":[],"bot":["UBOTE0ORG"]}}""")]
    public async Task RemovingOneInstallationStopsItsQueuedCardsAndLeavesTheOthersSending(string removed, string inner)
    {
        await using var slack = await StartThreeAsync();
        await ScoreAllAsync(slack, "1");
        var before = slack.Fake.CallsOf("chat.postMessage").Count;

        // Cards queued for every installation, then one is removed before they go out (Slack stops honouring its token too).
        foreach (var agent in AgentOf.Values)
        {
            await slack.Chat.PostCallAsync(Json.Call("2-" + agent, agent: agent));
        }

        var install = removed == "E0ORG" ? Org : A;
        var envelope = SlackInstallFlow.Event("Ev0GONE" + removed, JsonNode.Parse(inner)!.AsObject(), removed == "E0ORG" ? "T0ORG1" : removed,
            install.Enterprise, install.OrgWide);
        var response = await slack.SendAsync(SlackSigner.Json("/slack/events", envelope.ToJsonString(), slack.Now));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var token in slack.Fake.Tokens.Where(t => t.Value == install))
        {
            slack.Fake.RevokedTokens[token.Key] = 0;
        }

        await slack.Chat.DispatchAsync();

        var after = slack.Fake.CallsOf("chat.postMessage").Skip(before).ToList();
        Assert.DoesNotContain(after, p => p.Arg("channel") == ChannelOf[removed] || p.Installation == removed);
        foreach (var other in ChannelOf.Keys.Where(k => k != removed))
        {
            Assert.Contains(after, p => p.Arg("channel") == ChannelOf[other] && p.Installation == other);
        }

        var rows = await slack.App.WithDbAsync(db => db.SlackInstallations.AsNoTracking().ToListAsync());
        Assert.Equal([removed], rows.Where(r => r.RevokedAt is not null).Select(r => r.InstallKey));
        Assert.Equal(JsonNode.Parse(inner)!["type"]!.GetValue<string>(), rows.Single(r => r.InstallKey == removed).RevokedReason);
        var dead = await slack.App.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Status == OutboxStatus.Dead).ToListAsync());
        Assert.NotEmpty(dead);
        Assert.All(dead, m => Assert.Contains($"installation '{removed}' was removed", m.LastError, StringComparison.Ordinal));
        Assert.DoesNotContain(slack.Fake.Calls, c => c.Refused);
    }

    [Fact]
    public async Task TwoHostsSharingADatabaseDecryptEachOthersTokensAndBothStopForARevokedInstallation()
    {
        await using var first = await StartThreeAsync();
        await using var second = await SlackHost.StartAsync(linkTeam: false, installs: true, database: first.App.Database, fake: first.Fake);

        // The key ring is in the shared database (not in a per-machine folder), and holds what the second host needs.
        var keys = await first.App.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.StartsWith("<key ", k.Xml, StringComparison.Ordinal));

        // Installed through the first host; cards scored and sent on the second.
        await ScoreAllAsync(second, "1");
        foreach (var (key, channel) in ChannelOf)
        {
            Assert.Contains(second.Fake.CallsOf("chat.postMessage"), p => p.Arg("channel") == channel && p.Installation == key);
        }

        // The first host hears that workspace A removed the app: the second sends nothing more with A's token.
        await second.Chat.PostCallAsync(Json.Call("2-a", agent: AgentOf["T0AAA"]));
        var envelope = SlackInstallFlow.Event("Ev0GONEA", new JsonObject { ["type"] = "app_uninstalled" }, "T0AAA");
        Assert.Equal(HttpStatusCode.OK, (await first.SendAsync(SlackSigner.Json("/slack/events", envelope.ToJsonString(), first.Now))).StatusCode);
        var before = second.Fake.CallsOf("chat.postMessage").Count;
        await second.Chat.DispatchAsync();

        Assert.Equal(before, second.Fake.CallsOf("chat.postMessage").Count);
        Assert.NotEqual(0, await second.App.WithDbAsync(db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Dead)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheAppHomeIsPublishedWithTheTokenOfTheInstallationTheEventCameFromInBothModes(bool socketMode)
    {
        await using var slack = await StartThreeAsync(socketMode);
        var opened = new JsonObject { ["type"] = "app_home_opened", ["user"] = "UE_MAX", ["channel"] = "D0HOME", ["tab"] = "home", ["event_ts"] = "1.2" };
        var fromOrg = SlackInstallFlow.Event("Ev0HOMEORG", opened, "T0ORG1", "E0ORG", orgWide: true);
        var fromB = SlackInstallFlow.Event("Ev0HOMEB", opened.DeepClone().AsObject(), "T0BBB");
        fromB["event"]!["user"] = "UB_NOEL";

        foreach (var envelope in new[] { fromOrg, fromB })
        {
            if (socketMode)
            {
                await slack.Socket!.AckOfAsync(await slack.Socket.SendAsync("events_api", envelope));
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, (await slack.SendAsync(SlackSigner.Json("/slack/events", envelope.ToJsonString(), slack.Now))).StatusCode);
            }
        }

        await slack.WhenIdleAsync();

        var published = slack.Fake.CallsOf("views.publish");
        Assert.Equal(["E0ORG", "T0BBB"], published.Select(p => p.Installation).Order());
        Assert.Contains("Max Weber", published.Single(p => p.Installation == "E0ORG").Texts("view"), StringComparison.Ordinal);
        Assert.Contains("Noel Park", published.Single(p => p.Installation == "T0BBB").Texts("view"), StringComparison.Ordinal);
    }

    /// <summary>A host with no configured token, the three installations made through the install flow, and a team linked in each.</summary>
    internal static async Task<SlackHost> StartThreeAsync(bool socketMode = false)
    {
        var slack = await SlackHost.StartAsync(linkTeam: false, installs: true, socketMode: socketMode);
        if (socketMode)
        {
            await slack.Socket!.WaitForConnectionsAsync(1);
        }

        var fake = slack.Fake;
        fake.TeamEnterprises["T0ORG1"] = "E0ORG";
        (fake.ChannelTeams["C0AAA"], fake.ChannelTeams["C0BBB"], fake.ChannelTeams["C0ORG"]) = ("T0AAA", "T0BBB", "T0ORG1");
        (fake.UsersOf("T0AAA")["ana@example.com"], fake.UsersOf("T0AAA")["morgan@example.com"]) = ("UA_ANA", "UA_MORGAN");
        (fake.UsersOf("T0BBB")["nia@example.com"], fake.UsersOf("T0BBB")["noel@example.com"]) = ("UB_NIA", "UB_NOEL");
        (fake.UsersOf("T0ORG1")["sam@example.com"], fake.UsersOf("T0ORG1")["max@example.com"]) = ("UE_SAM", "UE_MAX");
        await SlackInstallFlow.AddNorthAsync(slack);
        foreach (var install in new[] { A, B, Org })
        {
            await SlackInstallFlow.InstallAsync(slack, install);
        }

        await SlackInstallFlow.LinkAsync(slack, "east", "C0AAA", "T0AAA");
        await SlackInstallFlow.LinkAsync(slack, "north", "C0BBB", "T0BBB");
        await SlackInstallFlow.LinkAsync(slack, "west", "C0ORG", "E0ORG");
        return slack;
    }

    internal static async Task ScoreAllAsync(SlackHost slack, string round)
    {
        foreach (var agent in AgentOf.Values)
        {
            await slack.Chat.PostCallAsync(Json.Call(round + "-" + agent, agent: agent));
        }

        await slack.Chat.DispatchAsync();
    }
}
