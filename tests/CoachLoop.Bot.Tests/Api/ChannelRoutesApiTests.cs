namespace CoachLoop.Bot.Tests.Api;

/// <summary>The team-to-channel links over HTTP: listed by team key, and an unknown channel refused by name.</summary>
public sealed class ChannelRoutesApiTests
{
    [Fact]
    public async Task TheListNamesEachLinkedTeamAndAnUnknownChannelIsAProblem()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();
        var linked = await client.PutAsJsonAsync($"/api/v1/channels/slack/teams/{Samples.TeamKey}", new { conversationId = "C0123" });

        var list = await Json.ReadAsync(await client.GetAsync("/api/v1/channels/slack/teams"));
        var unknown = await client.GetAsync("/api/v1/channels/email/teams");

        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        var route = Assert.Single(list.EnumerateArray());
        Assert.Equal((Samples.TeamKey, "C0123"), (route.GetProperty("team").GetString(), route.GetProperty("conversationId").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await Json.ReadAsync(unknown)).GetProperty("errors").TryGetProperty("channel", out _));
    }
}
