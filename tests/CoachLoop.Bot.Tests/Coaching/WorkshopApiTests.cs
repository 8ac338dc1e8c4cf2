using System.Net;
using CoachLoop.Bot.Tests.Scheduling;

namespace CoachLoop.Bot.Tests.Coaching;

/// <summary>Workshops and peer examples over /api/v1: paged lists, one workshop, the flag view's peer example by the cards' rules.</summary>
public sealed class WorkshopApiTests
{
    [Fact]
    public async Task ScheduledWorkshopsAreListedPagedNewestFirstAndReadOneByOne()
    {
        var (app, chat) = await DigestTests.StartAsync(Workshop.MondayEightInLondon);
        await using var host = app;
        await Workshop.AddCyAsync(app);
        await Workshop.FlagsAndDigestAsync(app, chat, "ana", "ben", "cy");
        await Workshop.ScheduleAndLogAsync(app, chat, chat.DispatchAsync);
        var api = await app.CreateApiClientAsync();

        var page = await Json.ReadAsync(await api.GetAsync("/api/v1/workshops?team=east&limit=1"));
        var item = Assert.Single(page.GetProperty("items").EnumerateArray().ToList());
        var one = await Json.ReadAsync(await api.GetAsync($"/api/v1/workshops/{item.GetProperty("id").GetString()}"));

        Assert.Equal(("empathy", "logged", 3), (item.GetProperty("criterionId").GetString(), item.GetProperty("status").GetString()?.ToLowerInvariant(),
            item.GetProperty("flagIds").GetArrayLength()));
        Assert.Equal(item.GetProperty("id").GetString(), one.GetProperty("id").GetString());
        Assert.True(JsonValueKindNull(page));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/workshops/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/workshops?cursor=nonsense")).StatusCode);
        Assert.Equal(0, (await Json.ReadAsync(await api.GetAsync("/api/v1/workshops?team=west"))).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task TheFlagViewCarriesThePeerExampleAnonymousAndWithATeammatesScore()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var chat = new Chat(app);
        await chat.PostCallAsync(PeerExampleCardTests.GoodCall("ben-good", "ben@example.com"));
        await chat.PostCallAsync(Json.Call());
        var api = await app.CreateApiClientAsync();

        var view = await Json.ReadAsync(await api.GetAsync($"/api/v1/flags/{(await chat.FlagAsync()).Id}"));
        var peer = view.GetProperty("peerExample");

        Assert.Equal(("A teammate", "00:03:10", 92m), (peer.GetProperty("who").GetString(), peer.GetProperty("offset").GetString(), peer.GetProperty("score").GetDecimal()));
        Assert.DoesNotContain("Ben Okafor", view.GetRawText(), StringComparison.Ordinal);
    }

    private static bool JsonValueKindNull(System.Text.Json.JsonElement page) =>
        !page.TryGetProperty("next", out var next) || next.ValueKind == System.Text.Json.JsonValueKind.Null;
}
