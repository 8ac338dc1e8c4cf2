using CoachLoop.Data.Records;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Channels.Teams;

/// <summary>
/// Teams says a conversation's service URL is stable but can change: the routes follow the URL of authenticated activities,
/// including clicks, whose conversation is the card's thread (the channel's id plus <c>;messageid=</c>).
/// </summary>
public sealed class TeamsServiceUrlTests
{
    private const string OldUrl = "https://smba.trafficmanager.net/emea/";

    private static Task<ChannelRoute> RouteAsync(TeamsHost host) =>
        host.App.WithDbAsync(db => db.ChannelRoutes.AsNoTracking().SingleAsync(r => r.Channel == ChatIdentity.Teams && r.ConversationId == TeamsScenario.Channel));

    private static async Task RefreshOnThreadAsync(TeamsHost host, string message)
    {
        var data = TeamsScenario.ExecuteData(TeamsScenario.PostedCard(host), "refresh");
        var click = TeamsScenario.Execute(host, "29:morgan", "refresh", data, $"refresh-{message}", replyToId: message);
        click["conversation"]!["id"] = $"{TeamsScenario.Channel};messageid={message}";
        await TeamsScenario.InvokeBodyAsync(await host.PostAsync(click));
    }

    [Fact]
    public async Task AClickOnACardThreadBringsTheChannelsRouteToItsServiceUrlAndARepeatWritesNothing()
    {
        await using var host = await TeamsScenario.FlagPostedAsync();
        var stale = host.App.Clock.GetUtcNow().AddDays(-3);
        await host.App.WithDbAsync(db => db.ChannelRoutes.Where(r => r.ConversationId == TeamsScenario.Channel)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ServiceUrl, OldUrl).SetProperty(r => r.UpdatedAt, stale)));

        await RefreshOnThreadAsync(host, "act-1");
        var moved = await RouteAsync(host);
        Assert.Equal((host.Connector.ServiceUrl, host.App.Clock.GetUtcNow()), (moved.ServiceUrl, moved.UpdatedAt));

        // Past the memory of the last URL seen, and on another card's thread: the route already holds the URL, so it is not rewritten.
        host.App.Clock.Advance(TimeSpan.FromMinutes(5));
        await RefreshOnThreadAsync(host, "act-2");
        var kept = await RouteAsync(host);
        Assert.Equal((host.Connector.ServiceUrl, moved.UpdatedAt), (kept.ServiceUrl, kept.UpdatedAt));
    }
}
