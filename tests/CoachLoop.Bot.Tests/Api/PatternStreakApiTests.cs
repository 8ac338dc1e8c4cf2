using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachLoop.Bot.Outbox;

namespace CoachLoop.Bot.Tests.Api;

/// <summary>
/// Patterns over the API with real QA feeds: calls sharing a time, calls scored late. Exactly one pattern flag
/// per streak, naming its calls on the API and on its card, with the streak's quality flags folded into it.
/// </summary>
public sealed class PatternStreakApiTests
{
    [Fact]
    public async Task FourFailingCallsWhereTwoShareATimeMakeOnePatternFlag()
    {
        await using var feed = await Feed.StartAsync();
        await feed.PostAsync("q-1", "2026-11-19T08:00:00Z", 40);
        await feed.PostAsync("q-2", "2026-11-19T09:00:00Z", 45);
        await feed.PostAsync("q-3", "2026-11-19T09:00:00Z", 50);
        await feed.PostAsync("q-4", "2026-11-19T10:00:00Z", 55);

        var pattern = await feed.SinglePatternAsync();

        Assert.Equal(["q-1 2026-11-19T08:00:00+00:00 40", "q-2 2026-11-19T09:00:00+00:00 45", "q-3 2026-11-19T09:00:00+00:00 50",
            "q-4 2026-11-19T10:00:00+00:00 55"], Feed.Streak(pattern));
        await feed.AssertFoldedAsync(pattern, "q-1", "q-2");
        await feed.AssertCardNamesTheStreakAsync(pattern, "q-1 (19 Nov 08:00, 40), q-2 (19 Nov 09:00, 45), q-3 (19 Nov 09:00, 50), q-4 (19 Nov 10:00, 55)");
    }

    [Fact]
    public async Task ThirdAndFourthCallsSharingATimeMakeOnePatternFlagNotTwo()
    {
        await using var feed = await Feed.StartAsync();
        await feed.PostAsync("q-1", "2026-11-19T08:00:00Z", 40);
        await feed.PostAsync("q-2", "2026-11-19T09:00:00Z", 45);
        await feed.PostAsync("q-3", "2026-11-19T10:00:00Z", 50);
        var fourth = await feed.PostAsync("q-4", "2026-11-19T10:00:00Z", 55);

        var pattern = await feed.SinglePatternAsync();

        Assert.Empty(fourth.GetProperty("flags").EnumerateArray());
        Assert.Equal(["q-1", "q-2", "q-3", "q-4"], Feed.Streak(pattern).Select(s => s.Split(' ')[0]));
        Assert.Contains("streak-extended", pattern.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        await feed.AssertFoldedAsync(pattern, "q-1", "q-2");
        await feed.AssertCardNamesTheStreakAsync(pattern, "q-1 (19 Nov 08:00, 40), q-2 (19 Nov 09:00, 45), q-3 (19 Nov 10:00, 50), q-4 (19 Nov 10:00, 55)");
    }

    [Fact]
    public async Task LateManualReviewBetweenTwoFailingCallsCompletesTheStreak()
    {
        await using var feed = await Feed.StartAsync();
        await feed.PostAsync("t-1", "2026-11-19T08:00:00Z", 40);
        await feed.PostAsync("t-3", "2026-11-19T10:00:00Z", 50);
        var review = await feed.PostAsync("t-2", "2026-11-19T09:00:00Z", 45, source: "manual-review");

        var pattern = await feed.SinglePatternAsync();

        Assert.Equal("pattern", review.GetProperty("flags")[0].GetProperty("kind").GetString());
        Assert.Equal(["t-1", "t-2", "t-3"], Feed.Streak(pattern).Select(s => s.Split(' ')[0]));
        Assert.Equal(["acme-qa", "manual-review", "acme-qa"], pattern.GetProperty("streak").EnumerateArray().Select(c => c.GetProperty("source").GetString()));
        await feed.AssertFoldedAsync(pattern, "t-1", "t-3");
        await feed.AssertCardNamesTheStreakAsync(pattern, "t-1 (19 Nov 08:00, 40), t-2 (19 Nov 09:00, 45), t-3 (19 Nov 10:00, 50)");
    }

    /// <summary>One agent's QA feed into a running host, with a channel that keeps every card it is sent.</summary>
    private sealed class Feed(CoachLoopApp app, HttpClient client, ConcurrentQueue<OutboundMessage> sent) : IAsyncDisposable
    {
        public static async Task<Feed> StartAsync()
        {
            var channel = new ScriptedChannel();
            var sent = new ConcurrentQueue<OutboundMessage>();
            channel.BeforeAnswer = m =>
            {
                sent.Enqueue(m);
                return Task.CompletedTask;
            };
            var app = await CoachLoopApp.StartAsync(services: channel.Register);
            return new Feed(app, await app.CreateApiClientAsync(), sent);
        }

        public async Task<JsonElement> PostAsync(string callId, string callTime, decimal empathy, string source = "acme-qa")
        {
            var call = Json.Call(callId, empathy: empathy, callTime: callTime);
            call["source"] = JsonValue.Create(source);
            var response = await client.PostAsJsonAsync("/api/v1/scored-calls", call);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return await Json.ReadAsync(response);
        }

        public async Task<JsonElement> SinglePatternAsync()
        {
            var flags = await Json.ReadAsync(await client.GetAsync("/api/v1/flags?agent=ana@example.com"));
            var pattern = Assert.Single(flags.GetProperty("items").EnumerateArray(), f => f.GetProperty("kind").GetString() == "pattern");
            return await Json.ReadAsync(await client.GetAsync($"/api/v1/flags/{pattern.GetProperty("id").GetGuid()}"));
        }

        public static IEnumerable<string> Streak(JsonElement pattern) =>
            pattern.GetProperty("streak").EnumerateArray().Select(c =>
                $"{c.GetProperty("callId").GetString()} {c.GetProperty("callTime").GetDateTimeOffset():yyyy-MM-ddTHH:mm:sszzz} {c.GetProperty("score").GetDecimal()}");

        /// <summary>The quality flags of these calls are closed as superseded, linked both ways, and nothing else stays open.</summary>
        public async Task AssertFoldedAsync(JsonElement pattern, params string[] callIds)
        {
            var patternId = pattern.GetProperty("id").GetGuid();
            var folded = pattern.GetProperty("folded").EnumerateArray().Select(f => f.GetGuid()).ToList();
            var views = new List<JsonElement>();
            foreach (var id in folded)
            {
                views.Add(await Json.ReadAsync(await client.GetAsync($"/api/v1/flags/{id}")));
            }

            Assert.Equal(callIds, views.Select(v => v.GetProperty("callId").GetString()));
            Assert.All(views, v =>
            {
                Assert.Equal(("quality", "closed", patternId), (v.GetProperty("kind").GetString(), v.GetProperty("status").GetString(),
                    v.GetProperty("supersededBy").GetGuid()));
                Assert.Equal("supersede", v.GetProperty("history").EnumerateArray().Last().GetProperty("action").GetString());
            });
            var open = await Json.ReadAsync(await client.GetAsync("/api/v1/flags?agent=ana@example.com&status=open"));
            Assert.Equal([patternId], open.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("id").GetGuid()));
        }

        /// <summary>The pattern flag's card lists its calls; every card of a folded flag was updated to say it is superseded.</summary>
        public async Task AssertCardNamesTheStreakAsync(JsonElement pattern, string calls)
        {
            await new Chat(app).DispatchAsync();
            var patternId = pattern.GetProperty("id").GetGuid();
            var card = sent.Last(m => m.Card.Kind == "flag" && m.Card.SubjectId == patternId).Card;
            Assert.Contains(new Bot.Cards.CardSection("Calls in this streak", calls), card.Sections);
            foreach (var id in pattern.GetProperty("folded").EnumerateArray().Select(f => f.GetGuid()))
            {
                var updates = sent.Where(m => m.Card.SubjectId == id && m.MessageRef is not null).ToList();
                var manager = Assert.Single(updates, m => m.Card.Kind == "flag").Card;
                var agent = Assert.Single(updates, m => m.Card.Kind == "agent-score").Card;
                Assert.StartsWith($"Superseded by the pattern flag {patternId}", manager.Status, StringComparison.Ordinal);
                Assert.Equal("Superseded", manager.Badge);
                Assert.Empty(manager.Actions);
                Assert.Equal(manager.Version, agent.Version);
            }
        }

        public async ValueTask DisposeAsync()
        {
            client.Dispose();
            await app.DisposeAsync();
        }
    }
}
