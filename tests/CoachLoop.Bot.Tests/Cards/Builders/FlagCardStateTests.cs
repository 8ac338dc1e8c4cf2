using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Cards.AdaptiveCards;
using CoachLoop.Bot.Cards.BlockKit;
using CoachLoop.Bot.Tests.Cards.AdaptiveCards;
using CoachLoop.Bot.Tests.Cards.BlockKit;

namespace CoachLoop.Bot.Tests.Cards.Builders;

/// <summary>A flag card shows its state at a glance and keeps who did what and when, whatever happens after.</summary>
public sealed class FlagCardStateTests
{
    private static readonly Dictionary<string, string> Session = new()
    {
        ["targetedBehaviour"] = "Acknowledge first", ["selfAssessment"] = "Rushed", ["agreedBehaviour"] = "Acknowledge before any policy.",
        ["practice"] = "3 role-plays.", ["followUpDate"] = "2026-11-27",
    };

    [Fact]
    public async Task HistoryKeepsWhoApprovedAndWhoMarkedPracticeDoneAfterLaterActions()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        var chat = new Chat(app);
        await chat.PostCallAsync(Json.Call());
        app.Clock.Set(new DateTimeOffset(2026, 11, 30, 4, 38, 0, TimeSpan.Zero));
        await chat.ActOnFlagAsync("morgan@example.com", "approvePractice");
        app.Clock.Set(new DateTimeOffset(2026, 11, 30, 9, 15, 0, TimeSpan.Zero));
        await chat.ActOnFlagAsync("morgan@example.com", "logSession", new Dictionary<string, string>(Session) { ["followUpDate"] = "2026-12-10" });
        await chat.ActOnFlagAsync("morgan@example.com", "completePractice");

        var card = await CardFor.BuildAsync(app, CardKinds.Flag, (await chat.FlagAsync()).Id);

        var history = card.History.Select(CardHistoryText.Line).ToList();
        Assert.Equal(4, history.Count);
        Assert.StartsWith("Flagged, ", history[0], StringComparison.Ordinal);
        Assert.Equal("Practice approved by Morgan Lee, 30 Nov 2026, 04:38 UTC", history[1]);
        Assert.Equal("Session logged by Morgan Lee, 30 Nov 2026, 09:15 UTC", history[2]);
        Assert.Equal("Practice done by Morgan Lee, 30 Nov 2026, 09:15 UTC", history[3]);
        Assert.Equal("Session logged", card.Badge);
        Assert.Contains("Practice done by Morgan Lee, 30 Nov 2026, 09:15 UTC.", card.Status, StringComparison.Ordinal);
        var adaptive = AdaptiveCardRenderer.Render(card);
        Assert.Contains("Practice approved by Morgan Lee, 30 Nov 2026, 04:38 UTC", adaptive.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Session logged \u00b7 Coaching: Empathy", adaptive["body"]![0]!["items"]![0]!["text"]!.GetValue<string>());
        var slack = BlockKitRenderer.Render(card).Blocks.ToJsonString();
        Assert.Contains("Practice approved by Morgan Lee, 30 Nov 2026, 04:38 UTC", slack, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionTextTypedWithAFullStopReadsWithOneFullStop()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        var chat = new Chat(app);
        await chat.PostCallAsync(Json.Call());
        await chat.ActOnFlagAsync("morgan@example.com", "approvePractice");
        await chat.ActOnFlagAsync("morgan@example.com", "logSession", Session);

        var card = await CardFor.BuildAsync(app, CardKinds.Flag, (await chat.FlagAsync()).Id);

        var session = card.Sections.Single(s => s.Heading == "Session").Text;
        Assert.Equal("Agreed: Acknowledge before any policy. Practice: 3 role-plays. Follow-up scoring Fri 27 Nov 2026.", session);
    }

    [Fact]
    public async Task ADismissedFlagSaysSoInItsTitleAndItsWhyReadsInThePast()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        var chat = new Chat(app);
        await chat.PostCallAsync(Json.Call());
        await chat.ActOnFlagAsync("morgan@example.com", "dismiss", new Dictionary<string, string> { ["reason"] = "Known system outage" });

        var card = await CardFor.BuildAsync(app, CardKinds.Flag, (await chat.FlagAsync()).Id);

        Assert.Equal("Dismissed", card.Badge);
        Assert.Equal("Dismissed \u00b7 Coaching: Empathy", card.DisplayTitle);
        Assert.DoesNotContain(card.Facts, f => f.Label == "Why");
        Assert.Contains(card.Facts, f => f.Label == "Why it was flagged");
        Assert.Equal("Dismissed by Morgan Lee, 20 Nov 2026, 09:00 UTC: Known system outage", CardHistoryText.Line(card.History[^1]));
        Assert.Empty(card.Actions);
        Assert.Null(card.ActionsFor);
        Assert.StartsWith("Dismissed: ", card.FallbackText, StringComparison.Ordinal);
        var header = BlockKitRenderer.Render(card).Blocks[0]!["text"]!["text"]!.GetValue<string>();
        Assert.Equal("Dismissed \u00b7 Coaching: Empathy", header);
    }

    [Fact]
    public async Task SlackNamesWhoTheButtonsAreForInAContextLineRightAboveThem()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        var chat = new Chat(app);
        await chat.PostCallAsync(Json.Call());

        var card = await CardFor.BuildAsync(app, CardKinds.Flag, (await chat.FlagAsync()).Id);
        var blocks = BlockKitRenderer.Render(card).Blocks;

        Assert.Equal("For Morgan Lee and the team's coaches", card.ActionsFor);
        Assert.Equal("actions", blocks[^1]!["type"]!.GetValue<string>());
        Assert.Equal("context", blocks[^2]!["type"]!.GetValue<string>());
        Assert.EndsWith("For Morgan Lee and the team's coaches", blocks[^2]!["elements"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(BlockKitLimits.MessageProblems(blocks, "x"));
        await AdaptiveCardSchema.AssertValidAsync(AdaptiveCardRenderer.Render(card));
    }

    [Fact]
    public async Task RecentFiguresPluraliseTheirCounts()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        var chat = new Chat(app);
        await chat.PostCallAsync(Json.Call());

        var card = await CardFor.BuildAsync(app, CardKinds.Flag, (await chat.FlagAsync()).Id);

        var figures = card.Facts.Single(f => f.Label.StartsWith("Last ", StringComparison.Ordinal)).Value;
        Assert.DoesNotContain("(s)", figures, StringComparison.Ordinal);
        Assert.Contains("0 calls below the review threshold, 0 compliance flags", figures, StringComparison.Ordinal);
    }
}
