using CoachLoop.Engine.Common;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Api;

public sealed class FlagsApiTests
{
    [Fact]
    public async Task FlagsListByTeamAgentAndStatusWithComplianceFirst()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();
        await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call("a1"));
        await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call("a2", empathy: 90, disclosure: 10));
        await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call("s1", agent: "sam@example.com"));

        var east = await Json.ReadAsync(await client.GetAsync($"/api/v1/flags?team={Samples.TeamKey}&status=open"));
        var sam = await Json.ReadAsync(await client.GetAsync("/api/v1/flags?agent=AG-9"));
        var closed = await Json.ReadAsync(await client.GetAsync("/api/v1/flags?status=closed"));

        Assert.Equal(["a2:compliance", "a1:quality"],
            east.GetProperty("items").EnumerateArray().Select(f => $"{f.GetProperty("callId").GetString()}:{f.GetProperty("kind").GetString()}"));
        Assert.Equal(["s1"], sam.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("callId").GetString()));
        Assert.Empty(closed.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("status=sleeping", "status")]
    [InlineData("team=nowhere", "team")]
    [InlineData("agent=ghost@example.com", "agent")]
    [InlineData("limit=0", "limit")]
    public async Task BadFilterIsRefusedNamingIt(string query, string field)
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();

        var response = await client.GetAsync($"/api/v1/flags?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json.ReadAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task OneFlagComesWithItsHistory()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();
        var receipt = await Json.ReadAsync(await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call()));
        var flagId = receipt.GetProperty("flags")[0].GetProperty("flagId").GetGuid();
        await app.WithDbAsync(async db =>
        {
            var flag = await db.Flags.SingleAsync();
            flag.ApprovePractice(new Actor(Guid.CreateVersion7(), "Morgan Lee", ActorRole.Manager, "slack"), app.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });

        var view = await Json.ReadAsync(await client.GetAsync($"/api/v1/flags/{flagId}"));

        Assert.Equal("practiceApproved", view.GetProperty("status").GetString());
        Assert.Equal(["raised by CoachLoop via api", "approve-practice by Morgan Lee via slack"],
            view.GetProperty("history").EnumerateArray()
                .Select(h => $"{h.GetProperty("action").GetString()} by {h.GetProperty("actor").GetString()} via {h.GetProperty("channel").GetString()}"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/flags/{Guid.NewGuid()}")).StatusCode);
    }
}
