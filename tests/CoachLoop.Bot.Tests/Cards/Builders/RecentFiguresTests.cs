using CoachLoop.Bot.Cards;
using CoachLoop.Data;

namespace CoachLoop.Bot.Tests.Cards.Builders;

/// <summary>The flag card's 28-day figures, aggregated by the database, on each provider.</summary>
public sealed class RecentFiguresTests
{
    public static TheoryData<DatabaseProvider> Providers => TestProviders.All;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task AveragesCountOnlyTheWindowAndRoundLikeTheScoresThemselves(DatabaseProvider provider)
    {
        await using var app = await CoachLoopApp.StartAsync(provider: provider);
        var chat = new Chat(app);
        // Outside the 28 days: it must not count.
        await chat.PostCallAsync(Json.Call("old", empathy: 10, overall: 10, callTime: "2026-10-01T07:00:00Z"));
        await chat.PostCallAsync(Json.Call("a", empathy: 45, overall: 75, callTime: "2026-11-18T07:00:00Z"));
        await chat.PostCallAsync(Json.Call("b", empathy: 90, disclosure: 40, overall: 80.1m, callTime: "2026-11-19T07:00:00Z"));

        var card = await CardFor.BuildAsync(app, CardKinds.Flag, (await chat.FlagAsync("a")).Id);

        var figures = card.Facts.Single(f => f.Label == $"Last {CardFactory.RecentDays} days").Value;
        // (75 + 80.1) / 2 = 77.55, rounded as the decimal scores round; empathy (45 + 90) / 2 = 67.5; one compliance flag (call b).
        Assert.StartsWith("overall avg 77.6, empathy avg 67.5, ", figures, StringComparison.Ordinal);
        Assert.EndsWith("1 compliance flag", figures, StringComparison.Ordinal);
    }
}
