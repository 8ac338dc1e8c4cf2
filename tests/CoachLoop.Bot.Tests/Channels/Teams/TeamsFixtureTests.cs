using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachLoop.Bot.Channels.Teams.Handlers;
using CoachLoop.Bot.Channels.Teams.Protocol;
using CoachLoop.Bot.Tests.Support;
using CoachLoop.Data.Stores;
using CoachLoop.Engine.Common;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Channels.Teams;

/// <summary>Every official sample in shared/fixtures/teams, handled the way the protocol asks.</summary>
public sealed class TeamsFixtureTests
{
    [Fact]
    public async Task PersonalMessageIsAnsweredWithAReplyToItOnceEvenWhenRedelivered()
    {
        await using var host = await TeamsHost.StartAsync();
        var message = TeamsFixtures.Load("message-personal.json", host.Connector.ServiceUrl);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(message)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(message)).StatusCode);

        var reply = Assert.Single(host.Connector.Calls);
        Assert.Equal(("POST", $"/v3/conversations/{message["conversation"]!["id"]}/activities/1485983408511"), (reply.Method, reply.Path));
        Assert.Equal("message", (string?)reply.Body!["type"]);
        Assert.Equal("1485983408511", (string?)reply.Body["replyToId"]);
        Assert.Contains("help", (string?)reply.Body["text"], StringComparison.Ordinal);
        Assert.Equal(["message", "message"], host.Handled);
    }

    [Fact]
    public async Task ChannelMessageWithoutAnIdIsAnsweredInItsThread()
    {
        await using var host = await TeamsHost.StartAsync();
        var message = TeamsFixtures.Load("message-channel-mention.json", host.Connector.ServiceUrl);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(message)).StatusCode);
        var reply = Assert.Single(host.Connector.Calls);
        Assert.Equal("/v3/conversations/19:aebd0ad4d6ab42c8b9ed19c251c2fc37@thread.skype;messageid=1481567603816/activities", reply.Path);
    }

    [Fact]
    public void OnlyTheBotsOwnMentionIsRemovedFromACommand()
    {
        var sample = TeamsFixtures.Load("message-channel-mention.json");
        var other = JsonSerializer.Deserialize<Activity>(sample.ToJsonString(), TeamsJson.Options)!;
        Assert.Equal("Hey <at>Pranav Smith</at> check out this message", MessageCommandHandler.CommandText(other));

        sample["text"] = "<at>CoachLoop</at> my flags";
        sample["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>CoachLoop</at>",
            ["mentioned"] = new JsonObject { ["id"] = (string?)sample["recipient"]!["id"], ["name"] = "CoachLoop" },
        });
        Assert.Equal("my flags", MessageCommandHandler.CommandText(JsonSerializer.Deserialize<Activity>(sample.ToJsonString(), TeamsJson.Options)!));
    }

    [Fact]
    public async Task MessageBackWithAForeignValueIsAcknowledgedAndChangesNothing()
    {
        await using var host = await TeamsHost.StartAsync();
        var message = TeamsFixtures.Load("message-value-messageBack.json", host.Connector.ServiceUrl);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(message)).StatusCode);
        Assert.Equal(["submit"], host.Handled);
        var reply = Assert.Single(host.Connector.Calls);
        Assert.EndsWith("/activities/f:5261769396935243054", reply.Path, StringComparison.Ordinal);
        Assert.Equal(0, await host.App.WithDbAsync(db => db.ProcessedActions.CountAsync()));
    }

    [Fact]
    public async Task BotAddedToATeamIsRememberedAsAnActiveInstallation()
    {
        await using var host = await TeamsHost.StartAsync();
        var update = TeamsFixtures.Load("conversationUpdate-bot-added-to-team.json", host.Connector.ServiceUrl);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(update)).StatusCode);
        Assert.Equal(["conversationUpdate"], host.Handled);
        var install = await host.App.WithDbAsync(db => db.ChannelInstallations.SingleAsync());
        Assert.Equal((true, TeamsScenario.Tenant, TeamsScenario.TeamId), (install.Active, install.Tenant, install.Scope));
        Assert.Contains(TeamsScenario.Channel, install.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonalInstallStoresTheOneToOneChatAsTheAgentsRoute()
    {
        await using var host = await TeamsHost.StartAsync();
        TeamsScenario.OnRoster(host, "29:ana", "aad-ana", "ana@example.com");
        var personal = TeamsFixtures.Load("message-personal.json", host.Connector.ServiceUrl);
        personal["type"] = "conversationUpdate";
        personal["from"] = new JsonObject { ["id"] = "29:ana", ["aadObjectId"] = "aad-ana" };
        personal["membersAdded"] = new JsonArray(new JsonObject { ["id"] = (string?)personal["recipient"]!["id"] }, new JsonObject { ["id"] = "29:ana" });
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(personal)).StatusCode);

        await host.Chat.PostCallAsync(Json.Call());
        await host.Chat.DispatchAsync();
        Assert.DoesNotContain(host.Connector.Calls, c => c.Path == "/v3/conversations");
        // The welcome, then the agent's card in the same chat.
        Assert.Equal([false, true], host.Connector.Where("POST", $"/v3/conversations/{personal["conversation"]!["id"]}/activities").Select(c => c.Body?["attachments"] is not null));
    }

    [Fact]
    public async Task InstallIntoATeamThenRemoveStopsPostsThere()
    {
        await using var host = await TeamsHost.StartAsync();
        var install = TeamsFixtures.Load("installationUpdate-add-team.json", host.Connector.ServiceUrl);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(install)).StatusCode);
        await TeamsScenario.LinkEastAsync(host);

        install["action"] = "remove";
        install["id"] = "f:remove";
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(install)).StatusCode);
        Assert.Equal(["installationUpdate", "installationUpdate"], host.Handled);
        Assert.False(await host.App.WithDbAsync(db => db.ChannelInstallations.Select(i => i.Active).SingleAsync()));

        var welcomed = host.Connector.Calls.Count;
        await host.Chat.PostCallAsync(Json.Call());
        await host.Chat.DispatchAsync();
        Assert.Equal(welcomed, host.Connector.Calls.Count);
    }

    [Fact]
    public async Task InvokeSampleIsAnsweredWithAnInvokeResponseNotACrash()
    {
        await using var host = await TeamsHost.StartAsync();
        var response = await host.PostAsync(TeamsFixtures.Invoke(host.Connector.ServiceUrl));
        // The sample's data is not a CoachLoop card's: a 400 invoke response, sent with HTTP 400 as the SDKs do.
        var body = await TeamsScenario.InvokeBodyAsync(response, 400);
        Assert.Equal(["adaptiveCard/action"], host.Handled);
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
    }

    [Fact]
    public async Task UnknownInvokeGetsNotImplementedAndUnknownActivityTypesAreAcknowledged()
    {
        await using var host = await TeamsHost.StartAsync();
        var invoke = TeamsFixtures.Invoke(host.Connector.ServiceUrl);
        invoke["name"] = "task/fetch";
        Assert.Equal(HttpStatusCode.NotImplemented, (await host.PostAsync(invoke)).StatusCode);
        var reaction = TeamsFixtures.Load("message-personal.json", host.Connector.ServiceUrl);
        reaction["type"] = "messageReaction";
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(reaction)).StatusCode);
        Assert.Equal([TeamsActivityRouter.NotImplemented, TeamsActivityRouter.Ignored], host.Handled);
        Assert.Empty(host.Connector.Calls);
    }

    [Fact]
    public async Task UnknownUserIsFoundThroughTheRosterByUpnAndRemembered()
    {
        await using var host = await TeamsHost.StartAsync();
        var member = TeamsFixtures.Load("connector-getMember.response.json");
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DirectoryStore>().UpsertAsync(
                [Samples.Person("labrown@fabrikam.com", "Larry Brown", PersonRole.Agent, Samples.TeamKey, "AG-7")], Actor.System("test"));
        }

        host.Connector.Members[(string)member["id"]!] = member;
        var message = TeamsFixtures.Load("message-personal.json", host.Connector.ServiceUrl);
        message["text"] = "my flags";
        message["from"] = new JsonObject { ["id"] = (string)member["id"]! };

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(message)).StatusCode);

        var lookup = host.Connector.Where("GET", "/v3/conversations/").Single();
        Assert.EndsWith($"/members/{member["id"]}", lookup.Path, StringComparison.Ordinal);
        var identity = await host.App.WithDbAsync(db => db.ChatIdentities.SingleAsync(c => c.Provider == "teams"));
        Assert.Equal("9d3e08f9-a7ae-43aa-a4d3-de3f319a8a9c", identity.ExternalUserId);
        Assert.Contains("No open flags", (string?)host.Connector.Where("POST", "/v3/").Single().Body!["text"], StringComparison.Ordinal);
    }
}
