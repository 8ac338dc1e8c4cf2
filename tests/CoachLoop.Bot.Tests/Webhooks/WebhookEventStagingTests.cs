using CoachLoop.Bot.Tests.Scheduling;
using CoachLoop.Data;
using CoachLoop.Data.Webhooks;
using CoachLoop.Engine.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Webhooks;

/// <summary>An event is stored with its change or not at all; the follow-up result is an event too.</summary>
public sealed class WebhookEventStagingTests
{
    [Fact]
    public async Task AChangeThatRollsBackStoresNoEventAndTheWinningChangeStoresOne()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        await using var receiver = await WebhookReceiver.StartAsync(app.Clock);
        await Hooks.SubscribeAsync(app, receiver, "practice.approved");
        var chat = new Chat(app);
        await chat.PostCallAsync(Json.Call());
        var manager = Actor.System("test") with { PersonId = await chat.IdOfAsync("morgan@example.com"), Role = ActorRole.Manager };

        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var dbA = first.ServiceProvider.GetRequiredService<CoachLoopDbContext>();
        var dbB = second.ServiceProvider.GetRequiredService<CoachLoopDbContext>();
        var flagA = await dbA.Flags.SingleAsync();
        var flagB = await dbB.Flags.SingleAsync();
        flagA.ApprovePractice(manager, app.Clock.GetUtcNow());
        flagB.ApprovePractice(manager, app.Clock.GetUtcNow());
        await dbA.SaveChangesAsync();

        // The second approval loses on the flag's revision: its transaction rolls back, and its event with it.
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => dbB.SaveChangesAsync());
        Assert.DoesNotContain(dbB.ChangeTracker.Entries(), e => e.Entity is Data.Records.WebhookEvent);
        Assert.Equal(1, await app.WithDbAsync(db => db.WebhookEvents.CountAsync(e => e.Type == WebhookEventTypes.PracticeApproved)));
        await chat.DispatchAsync();
        Assert.Equal(["practice.approved"], receiver.Events.Select(e => e.Type));
    }

    [Fact]
    public async Task AFollowUpResultIsAnEventWithItsFigures()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        await using var receiver = await WebhookReceiver.StartAsync(app.Clock);
        await Hooks.SubscribeAsync(app, receiver, "followup.recorded");
        var chat = new Chat(app);
        for (var i = 0; i < 3; i++)
        {
            await chat.PostCallAsync(Json.Call($"before-{i}", empathy: 40 + i, callTime: $"2026-11-1{i + 1}T10:00:00Z"));
        }

        await chat.ActOnFlagAsync("morgan@example.com", "approvePractice", callId: "before-2");
        await chat.ActOnFlagAsync("morgan@example.com", "logSession", new Dictionary<string, string>
        {
            ["targetedBehaviour"] = "Acknowledge", ["selfAssessment"] = "Rushed", ["agreedBehaviour"] = "Name it", ["practice"] = "role-plays",
            ["followUpDate"] = "2026-11-27",
        }, callId: "before-2");
        app.Clock.Set(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        for (var i = 0; i < 5; i++)
        {
            await chat.PostCallAsync(Json.Call($"after-{i}", empathy: 75, callTime: $"2026-11-2{1 + i}T10:00:00Z"));
        }

        app.Clock.Set(new DateTimeOffset(2026, 11, 27, 6, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await Schedule.FollowUpsAsync(app));
        await chat.DispatchAsync();

        var hit = Assert.Single(receiver.Events);
        Assert.True(hit.Verified);
        using var payload = System.Text.Json.JsonDocument.Parse(hit.Body);
        var data = payload.RootElement.GetProperty("data");
        Assert.Equal(("closed", "close", 75m), (data.GetProperty("status").GetString(), data.GetProperty("followUp").GetProperty("next").GetString(),
            data.GetProperty("followUp").GetProperty("after").GetDecimal()));
    }
}
