using System.Net;
using System.Text.Json.Nodes;
using CoachLoop.Bot.Channels.Teams.Handlers;

namespace CoachLoop.Bot.Tests.Channels.Teams;

/// <summary>The welcome message when the app is installed: once per install, saying what matters in that scope.</summary>
public sealed class TeamsWelcomeTests
{
    private static IReadOnlyList<ConnectorCall> Sends(TeamsHost host) =>
        host.Connector.Calls.Where(c => c.Method == "POST" && c.Path.EndsWith("/activities", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task ATeamInstallIsWelcomedOnceInTheSelectedChannelWithHowToLinkIt()
    {
        await using var host = await TeamsHost.StartAsync();

        // One install, two events (installationUpdate and conversationUpdate), as Teams sends them.
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(TeamsFixtures.Load("installationUpdate-add-team.json", host.Connector.ServiceUrl))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(TeamsFixtures.Load("conversationUpdate-bot-added-to-team.json", host.Connector.ServiceUrl))).StatusCode);

        var welcome = Assert.Single(Sends(host));
        Assert.Equal($"/v3/conversations/{TeamsScenario.Channel}/activities", welcome.Path);
        Assert.Equal(TeamsWelcome.Team, (string?)welcome.Body!["text"]);
        Assert.Contains("link", (string?)welcome.Body["text"], StringComparison.Ordinal);
        Assert.Equal("28:608cacfd-1cea-40c9-b678-4b93e69bb72b", (string?)welcome.Body["from"]!["id"]);
    }

    [Fact]
    public async Task APersonalInstallSaysWhatThePersonWillGetAndAReinstallSaysItAgain()
    {
        await using var host = await TeamsHost.StartAsync();
        var added = TeamsFixtures.Load("message-personal.json", host.Connector.ServiceUrl);
        foreach (var field in new[] { "text", "textFormat", "attachments" })
        {
            added.Remove(field);
        }

        added["type"] = "conversationUpdate";
        added["membersAdded"] = new JsonArray(added["recipient"]!.DeepClone(), added["from"]!.DeepClone());
        var conversation = (string)added["conversation"]!["id"]!;

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(added)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(added.DeepClone().AsObject())).StatusCode);
        var welcome = Assert.Single(Sends(host));
        Assert.Equal($"/v3/conversations/{conversation}/activities", welcome.Path);
        Assert.Contains("accept the score or dispute", (string?)welcome.Body!["text"], StringComparison.Ordinal);

        var removed = added.DeepClone().AsObject();
        removed.Remove("membersAdded");
        removed["membersRemoved"] = new JsonArray(added["recipient"]!.DeepClone());
        await host.PostAsync(removed);
        await host.PostAsync(added.DeepClone().AsObject());
        Assert.Equal(2, Sends(host).Count);
    }
}
