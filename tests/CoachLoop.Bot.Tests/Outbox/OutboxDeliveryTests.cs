using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Outbox;

/// <summary>Delivery through a channel that fails and throttles: retried with backoff, Retry-After honoured, dead letters visible.</summary>
public sealed class OutboxDeliveryTests
{
    private static async Task<(CoachLoopApp App, Chat Chat, ScriptedChannel Channel)> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var channel = new ScriptedChannel();
        var app = await CoachLoopApp.StartAsync(settings: settings, services: channel.Register);
        return (app, new Chat(app), channel);
    }

    private static Task<List<OutboxMessage>> OutboxAsync(CoachLoopApp app) =>
        app.WithDbAsync(db => db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    /// <summary>The first post of a flag card (the manager channel's), whatever order the lanes went in.</summary>
    private static Task<OutboxMessage> FlagPostAsync(CoachLoopApp app) =>
        app.WithDbAsync(db => db.Outbox.AsNoTracking()
            .Join(db.CardPosts.Where(p => p.CardKind == "flag"), m => m.CardPostId, p => p.Id, (m, _) => m)
            .OrderBy(m => m.Id).FirstAsync());

    [Fact]
    public async Task FailedSendIsRetriedWithBackoffAndDeliveredOnce()
    {
        var (app, chat, channel) = await StartAsync();
        await using var host = app;
        channel.FailFlagCards(2);
        await chat.PostCallAsync(Json.Call());

        await chat.DispatchAsync();
        var afterFirst = await FlagPostAsync(app);
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        await chat.DispatchAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(4));
        await chat.DispatchAsync();

        var start = ManualClock.DefaultStart;
        Assert.Equal((OutboxStatus.Pending, 1, "connection reset"), (afterFirst.Status, afterFirst.Attempts, afterFirst.LastError));
        Assert.InRange(afterFirst.NextAttemptAt, start.AddSeconds(1), start.AddSeconds(2));
        var messages = await OutboxAsync(app);
        Assert.All(messages, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        Assert.Equal(3, (await FlagPostAsync(app)).Attempts);
        Assert.Equal(2, channel.Delivered.Count);
    }

    [Fact]
    public async Task ThrottledSendWaitsExactlyTheRetryAfterAndKeepsItsAttempts()
    {
        var (app, chat, channel) = await StartAsync();
        await using var host = app;
        channel.ThrottleFlagCards(TimeSpan.FromSeconds(30));
        await chat.PostCallAsync(Json.Call());

        await chat.DispatchAsync();
        var throttled = await FlagPostAsync(app);
        app.Clock.Advance(TimeSpan.FromSeconds(29));
        await chat.DispatchAsync();
        var stillWaiting = await FlagPostAsync(app);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await chat.DispatchAsync();

        Assert.Equal(ManualClock.DefaultStart.AddSeconds(30), throttled.NextAttemptAt);
        Assert.Equal(0, throttled.Attempts);
        Assert.Equal(OutboxStatus.Pending, stillWaiting.Status);
        Assert.Equal(OutboxStatus.Sent, (await FlagPostAsync(app)).Status);
    }

    [Fact]
    public async Task PermanentFailureIsDeadLetteredWithAVisibleReasonAndTheLaneMovesOn()
    {
        var (app, chat, channel) = await StartAsync();
        await using var host = app;
        channel.Answer(ScriptedChannel.IsFlagCard, Bot.Outbox.SendResult.Permanent("channel_not_found"));
        await chat.PostCallAsync(Json.Call("c1"));
        await chat.PostCallAsync(Json.Call("c2"));

        await chat.DispatchAsync();
        var client = await app.CreateApiClientAsync();
        var deadResponse = await client.GetAsync("/api/v1/outbox?status=dead");
        Assert.True(deadResponse.IsSuccessStatusCode, await deadResponse.Content.ReadAsStringAsync());
        var dead = await Json.ReadAsync(deadResponse);

        var messages = await OutboxAsync(app);
        Assert.Equal(1, messages.Count(m => m.Status == OutboxStatus.Dead));
        Assert.Equal(3, messages.Count(m => m.Status == OutboxStatus.Sent));
        Assert.Equal("after 1 attempt(s): channel_not_found", (await FlagPostAsync(app)).LastError);
        Assert.Equal("after 1 attempt(s): channel_not_found", dead.GetProperty("items")[0].GetProperty("lastError").GetString());
    }

    [Fact]
    public async Task MessageIsDeadLetteredAfterTheMaximumAttempts()
    {
        var (app, chat, channel) = await StartAsync(new() { ["Outbox:MaxAttempts"] = "3" });
        await using var host = app;
        channel.FailFlagCards(5, "502 bad gateway");
        await chat.PostCallAsync(Json.Call());

        for (var i = 0; i < 4; i++)
        {
            await chat.DispatchAsync();
            app.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        var first = await FlagPostAsync(app);
        Assert.Equal((OutboxStatus.Dead, 3, "after 3 attempt(s): 502 bad gateway"), (first.Status, first.Attempts, first.LastError));
    }

    [Fact]
    public async Task CardThatCannotBeBuiltIsDeadLetteredAfterTheAttemptsAndTheLaneMovesOn()
    {
        var (app, chat, channel) = await StartAsync(new() { ["Outbox:MaxAttempts"] = "3" });
        await using var host = app;
        await chat.PostCallAsync(Json.Call("c1"));
        await chat.PostCallAsync(Json.Call("c2"));
        // A flag row the card builder cannot read: building its cards throws on every attempt.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE flags SET plan = 'not json' WHERE call_id = 'c1'"));

        for (var i = 0; i < 4; i++)
        {
            await chat.DispatchAsync();
            app.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        var first = await FlagPostAsync(app);
        Assert.Equal((OutboxStatus.Dead, 3, false), (first.Status, first.Attempts, first.OutcomeUnknown));
        Assert.StartsWith("after 3 attempt(s): ", first.LastError, StringComparison.Ordinal);
        Assert.Contains("JsonException", first.LastError, StringComparison.Ordinal);
        var flagCards = await app.WithDbAsync(db => db.Outbox.AsNoTracking()
            .Join(db.CardPosts.Where(p => p.CardKind == "flag"), m => m.CardPostId, p => p.Id, (m, p) => new { m.Id, m.Status, p.ConversationId })
            .OrderBy(m => m.Id).ToListAsync());
        Assert.Equal([OutboxStatus.Dead, OutboxStatus.Sent], flagCards.Select(m => m.Status));
        Assert.Single(flagCards.Select(m => m.ConversationId).Distinct());
        Assert.Contains(channel.Calls, c => c.Conversation == flagCards[1].ConversationId && c.Outcome == "ok");
    }

    [Fact]
    public async Task UpdateWaitsForItsPostAndAnUrgentCardDoesNotWaitBehindAThrottledOne()
    {
        var (app, chat, channel) = await StartAsync(new(Chat.WebOn));
        await using var host = app;
        channel.Answer(m => m.Card.Kind == "flag" && m.MessageRef is null && !m.Card.Title.StartsWith("Compliance", StringComparison.Ordinal),
            Bot.Outbox.SendResult.Retry("429", TimeSpan.FromMinutes(1)));
        await chat.PostCallAsync(Json.Call("quality"));
        await chat.ActOnFlagAsync("morgan@example.com", "approvePractice", callId: "quality");
        await chat.PostCallAsync(Json.Call("urgent", empathy: 90, disclosure: 0));

        await chat.DispatchAsync();
        var firstRound = channel.Calls.ToList();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await chat.DispatchAsync();

        Assert.Contains(firstRound, c => c.Conversation == channel.TeamConversation && c.Outcome == "ok");
        Assert.DoesNotContain(firstRound, c => c.Update && c.Conversation == channel.TeamConversation);
        var managerCalls = channel.Calls.Where(c => c.Conversation == channel.TeamConversation && c.Outcome == "ok").ToList();
        Assert.Equal([false, false, true], managerCalls.Select(c => c.Update));
        Assert.All(await OutboxAsync(app), m => Assert.Equal(OutboxStatus.Sent, m.Status));
    }
}
