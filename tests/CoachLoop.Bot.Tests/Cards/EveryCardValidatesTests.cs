using System.Text.Json.Nodes;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Cards.AdaptiveCards;
using CoachLoop.Bot.Tests.Cards.AdaptiveCards;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Cards;

/// <summary>Every card the product actually sends, in every state it reaches, passes the official Adaptive Card 1.5 schema.</summary>
public sealed class EveryCardValidatesTests
{
    [Fact]
    public async Task CardsOfEveryKindAndStateValidateAgainstTheOfficialSchema()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        var chat = new Chat(app);
        var seen = new List<string>();
        async Task Collect()
        {
            await chat.DispatchAsync();
            foreach (var message in await chat.WebMessagesAsync())
            {
                seen.Add(message.CardJson);
            }
        }

        await chat.PostCallAsync(Coaching.PeerExampleCardTests.GoodCall("ben-good", "ben@example.com"));
        await chat.PostCallAsync(Json.Call("c1", empathy: 90, disclosure: 0));
        await chat.PostCallAsync(Json.Call("c2"));
        (await (await app.CreateApiClientAsync()).PostAsJsonAsync("/api/v1/rubrics", Transcripts.ScriptCheckJson.Rubric())).EnsureSuccessStatusCode();
        await chat.PostCallAsync(Transcripts.ScriptCheckJson.Call("c3", ("agent", "00:00:02", "Thanks for calling <Acme> & co, *how* can I help?"), ("customer", "00:00:06", "If this is not fixed I want to speak to a lawyer."),
            ("agent", "00:00:45", "This call may be recorded for quality and training purposes.")));
        await Collect();
        Assert.Contains(seen, card => card.Contains("Keyword alert: legal threat", StringComparison.Ordinal));
        Assert.Contains(seen, card => card.Contains("Script check: failed", StringComparison.Ordinal));
        await chat.ActOnFlagAsync("morgan@example.com", "approvePractice", callId: "c2");
        await Collect();
        await chat.ActOnFlagAsync("morgan@example.com", "logSession", new Dictionary<string, string>
        {
            ["targetedBehaviour"] = "Acknowledge *first*", ["selfAssessment"] = "[rushed](http://x)", ["agreedBehaviour"] = "# name it",
            ["practice"] = "role-plays", ["followUpDate"] = "2026-11-27",
        }, callId: "c2");
        await Collect();
        var flag = await chat.FlagAsync("c1");
        await chat.ActAsync("ana@example.com", "disputeScore", "agent-score", flag.Id, flag.Revision, new Dictionary<string, string> { ["reason"] = "It was said at 00:00:20" });
        await Collect();
        var dispute = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Disputes));
        await chat.ActAsync("riley@example.com", "upholdDispute", "dispute", dispute.Id, 0);
        await chat.ActOnFlagAsync("morgan@example.com", "resolve", new Dictionary<string, string> { ["note"] = "Coached live" }, callId: "c1");
        await Collect();
        await Coaching.Workshop.AddCyAsync(app);
        var batch = new JsonArray { Json.Call("cy-1", callTime: "2026-11-19T20:00:00Z", agent: "cy@example.com") };
        for (var i = 0; i < 8; i++)
        {
            batch.Add(Json.Call($"g{i}", callTime: $"2026-11-19T{10 + i}:00:00Z", agent: i % 2 == 0 ? "ana@example.com" : "ben@example.com"));
        }

        await chat.PostCallAsync(new JsonObject { ["calls"] = batch });
        await Scheduling.Schedule.DigestsAsync(app);
        await Collect();
        await Coaching.Workshop.ScheduleAndLogAsync(app, chat, Collect);
        await WeeklyReportAsync(app);
        await Collect();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var open = await scope.ServiceProvider.GetRequiredService<CardFactory>().BuildOpenFlagsAsync(await chat.IdOfAsync("morgan@example.com"), CancellationToken.None);
            seen.Add(AdaptiveCardRenderer.Render(open!).ToJsonString());
        }

        Assert.Contains(seen, c => c.Contains("coaching flags grouped", StringComparison.Ordinal) && c.Contains("\"ActionSet\"", StringComparison.Ordinal));
        Assert.Contains(seen, c => c.Contains("coaching digest", StringComparison.Ordinal) && c.Contains("openCard", StringComparison.Ordinal));
        Assert.Contains(seen, c => c.Contains("What good sounds like", StringComparison.Ordinal));
        Assert.Contains(seen, c => c.Contains("Workshops suggested", StringComparison.Ordinal) && c.Contains("scheduleWorkshop", StringComparison.Ordinal));
        Assert.Contains(seen, c => c.Contains("Workshop: Empathy", StringComparison.Ordinal) && c.Contains("logWorkshop", StringComparison.Ordinal));
        Assert.Contains(seen, c => c.Contains("Workshop: Empathy", StringComparison.Ordinal) && c.Contains("Logged", StringComparison.Ordinal));

        Assert.Contains(seen, c => c.Contains("Weekly coaching report", StringComparison.Ordinal) && c.Contains("\"type\":\"Image\"", StringComparison.Ordinal));
        Assert.True(seen.Distinct().Count() >= 10, $"only {seen.Distinct().Count()} distinct cards were seen");
        foreach (var card in seen.Distinct())
        {
            Assert.Empty(await AdaptiveCardSchema.ValidateAsync(JsonNode.Parse(card)!));
        }
    }

    /// <summary>The weekly report of the Monday after the coaching (09:01 in London), with its trend chart as an Image.</summary>
    internal static async Task WeeklyReportAsync(CoachLoopApp app)
    {
        var monday = new DateTimeOffset(2026, 11, 23, 9, 1, 0, TimeSpan.Zero);
        if (app.Clock.GetUtcNow() < monday)
        {
            app.Clock.Set(monday);
        }

        Assert.NotEqual(0, await Scheduling.Schedule.WeeklyReportsAsync(app));
    }
}
