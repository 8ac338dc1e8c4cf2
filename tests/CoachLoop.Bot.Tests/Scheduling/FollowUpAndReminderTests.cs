using CoachLoop.Data.Records;
using CoachLoop.Engine.Common;
using CoachLoop.Engine.Disputes;
using CoachLoop.Engine.Flags;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Scheduling;

/// <summary>Follow-ups, reminders and escalations at a fake clock: due today, not yet due, missed while down, the 21-day cap.</summary>
public sealed class FollowUpAndReminderTests
{
    // Friday 20 November 2026, 09:00 UTC.
    private static readonly DateTimeOffset Friday = ManualClock.DefaultStart;

    private static readonly Dictionary<string, string> Session = new()
    {
        ["targetedBehaviour"] = "Acknowledge frustration first", ["selfAssessment"] = "I rushed", ["agreedBehaviour"] = "Name the feeling",
        ["practice"] = "role-plays", ["followUpDate"] = "2026-11-27",
    };

    private static async Task<(CoachLoopApp App, Chat Chat)> CoachedAsync()
    {
        var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        var chat = new Chat(app);
        for (var i = 0; i < 3; i++)
        {
            await chat.PostCallAsync(Json.Call($"before-{i}", empathy: 40 + i, callTime: $"2026-11-1{i + 1}T10:00:00Z"));
        }

        await chat.ActOnFlagAsync("morgan@example.com", "approvePractice", callId: "before-2");
        await chat.ActOnFlagAsync("morgan@example.com", "logSession", Session, callId: "before-2");
        return (app, chat);
    }

    private static async Task ScoreAfterCoachingAsync(CoachLoopApp app, Chat chat, int count, decimal empathy)
    {
        app.Clock.Set(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        for (var i = 0; i < count; i++)
        {
            await chat.PostCallAsync(Json.Call($"after-{i}", empathy: empathy, callTime: $"2026-11-2{1 + (i % 5)}T1{i % 10}:00:00Z"));
        }
    }

    [Fact]
    public async Task FollowUpIsNotEvaluatedBeforeItsDateAndClosesWhenTheTargetIsMet()
    {
        var (app, chat) = await CoachedAsync();
        await using var host = app;
        await ScoreAfterCoachingAsync(app, chat, 5, 75);

        app.Clock.Set(new DateTimeOffset(2026, 11, 26, 23, 0, 0, TimeSpan.Zero));
        var early = await Schedule.FollowUpsAsync(app);
        app.Clock.Set(new DateTimeOffset(2026, 11, 27, 6, 0, 0, TimeSpan.Zero));
        var due = await Schedule.FollowUpsAsync(app);
        var again = await Schedule.FollowUpsAsync(app);
        await chat.DispatchAsync();

        Assert.Equal((0, 1, 0), (early, due, again));
        var flag = await chat.FlagAsync("before-2");
        Assert.Equal((FlagStatus.Closed, 75m), (flag.Status, flag.LastFollowUp!.After));
        Assert.Equal(41m, flag.LastFollowUp.Baseline);
        var notices = await Schedule.NoticesAsync(app);
        Assert.Equal(["agent-note", "follow-up"], notices.Select(n => n.Kind).Order());
        Assert.Contains(await Schedule.DirectCardsAsync(app, chat, "ana@example.com"), c => c.Contains("Well done", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FollowUpMissedWhileTheHostWasDownRunsWhenItComesBack()
    {
        var (app, chat) = await CoachedAsync();
        await using var host = app;
        await ScoreAfterCoachingAsync(app, chat, 6, 50);

        app.Clock.Set(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await Schedule.FollowUpsAsync(app));

        var flag = await chat.FlagAsync("before-2");
        Assert.Equal((FlagStatus.Continued, 2), (flag.Status, flag.Cycle));
    }

    [Fact]
    public async Task TooFewCallsExtendTheFollowUpOnceAndNeverBeyondTwentyOneDays()
    {
        var (app, chat) = await CoachedAsync();
        await using var host = app;
        await ScoreAfterCoachingAsync(app, chat, 2, 70);

        app.Clock.Set(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        await Schedule.FollowUpsAsync(app);
        var extended = await chat.FlagAsync("before-2");
        app.Clock.Set(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
        await Schedule.FollowUpsAsync(app);
        var judged = await chat.FlagAsync("before-2");

        Assert.Equal((FlagStatus.SessionLogged, new DateOnly(2026, 12, 4)), (extended.Status, extended.FollowUpDate));
        Assert.True(extended.FollowUpDate <= extended.Session!.HeldOn.AddDays(21));
        Assert.NotEqual(FlagStatus.SessionLogged, judged.Status);
    }

    [Fact]
    public async Task SessionNotLoggedTwoWorkingDaysAfterApprovalRemindsTheManagerOnce()
    {
        var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        await using var host = app;
        var chat = new Chat(app);
        await chat.PostCallAsync(Json.Call());
        await chat.ActOnFlagAsync("morgan@example.com", "approvePractice"); // Friday

        app.Clock.Set(Friday.AddDays(3)); // Monday: one working day
        var monday = await Schedule.RemindersAsync(app);
        app.Clock.Set(Friday.AddDays(4)); // Tuesday: two working days
        var tuesday = await Schedule.RemindersAsync(app);
        var again = await Schedule.RemindersAsync(app);
        await chat.DispatchAsync();

        Assert.Equal((0, 1, 0), (monday, tuesday, again));
        var notice = Assert.Single(await Schedule.NoticesAsync(app));
        Assert.Equal(("session-reminder", Notice.ToTeam), (notice.Kind, notice.Audience));
        Assert.Contains(await chat.WebMessagesAsync(), m => m.CardKind == "notice" && m.CardJson.Contains("log the coaching session", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DisputeNotAnsweredByItsDeadlineEscalatesToTheQaLeadOnce()
    {
        var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        await using var host = app;
        var chat = new Chat(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CoachLoop.Data.Stores.DirectoryStore>()
                .UpsertAsync([Samples.Person("quinn@example.com", "Quinn Lead", PersonRole.QaLead, null)], Actor.System("test"));
        }

        await chat.PostCallAsync(Json.Call());
        var flag = await chat.FlagAsync();
        await chat.ActAsync("ana@example.com", "disputeScore", "agent-score", flag.Id, flag.Revision, new Dictionary<string, string> { ["reason"] = "Said at 00:11:50" });

        app.Clock.Set(Friday.AddDays(3).AddMinutes(-1));
        var beforeDeadline = await Schedule.RemindersAsync(app);
        app.Clock.Set(Friday.AddDays(3).AddMinutes(1));
        var after = await Schedule.RemindersAsync(app);
        var again = await Schedule.RemindersAsync(app);
        await chat.DispatchAsync();

        Assert.Equal((0, 1, 0), (beforeDeadline, after, again));
        Assert.True((await app.WithDbAsync(db => db.Disputes.SingleAsync())).Escalated);
        Assert.Contains(await Schedule.DirectCardsAsync(app, chat, "quinn@example.com"), c => c.Contains("Overdue dispute", StringComparison.Ordinal));
        Assert.Contains("overdue, escalated", (await chat.WebMessagesAsync()).Single(m => m.CardKind == "dispute").CardJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatternFlagWithoutAPlanForFourteenDaysEscalates()
    {
        var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        await using var host = app;
        var chat = new Chat(app);
        for (var i = 1; i <= 3; i++)
        {
            await chat.PostCallAsync(Json.Call($"p{i}", empathy: 40, callTime: $"2026-11-1{i}T10:00:00Z"));
        }

        app.Clock.Set(Friday.AddDays(13));
        var early = await Schedule.RemindersAsync(app);
        app.Clock.Set(Friday.AddDays(14));
        var due = await Schedule.RemindersAsync(app);

        Assert.Equal((0, 1), (early, due));
        Assert.Equal("pattern-escalation", Assert.Single(await Schedule.NoticesAsync(app)).Kind);
    }

    [SkippableFact]
    public async Task TwoHostsOnOnePostgresDatabaseSendEachReminderAndFollowUpOnce()
    {
        await using var database = await TestDatabase.CreateAsync(CoachLoop.Data.DatabaseProvider.Postgres);
        await using var a = await CoachLoopApp.StartAsync(settings: Chat.WebOn, database: database);
        await using var b = await CoachLoopApp.StartAsync(seed: false, settings: Chat.WebOn, database: database);
        var chat = new Chat(a);
        await chat.PostCallAsync(Json.Call("reminded"));
        await chat.ActOnFlagAsync("morgan@example.com", "approvePractice", callId: "reminded");
        // Resolution, resolution, empathy: with "reminded" (empathy, later in time) no criterion fails three calls in a
        // row, so no pattern flag folds the approved flag this test waits on.
        for (var i = 0; i < 3; i++)
        {
            await chat.PostCallAsync(Json.CallWithoutStreak($"before-{i}", i + 2, $"2026-11-1{i + 1}T10:00:00Z"));
        }

        await chat.ActOnFlagAsync("morgan@example.com", "approvePractice", callId: "before-2");
        await chat.ActOnFlagAsync("morgan@example.com", "logSession", Session, callId: "before-2");
        foreach (var host in new[] { a, b })
        {
            host.Clock.Set(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        }

        var reminders = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => Schedule.RemindersAsync(i % 2 == 0 ? a : b))));
        var followUps = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => Schedule.FollowUpsAsync(i % 2 == 0 ? a : b))));

        Assert.Equal(1, reminders.Sum()); // the one approved flag still waiting for its session
        Assert.Equal(1, followUps.Sum());
        var notices = await Schedule.NoticesAsync(a);
        Assert.Equal(1, notices.Count(n => n.Kind == "session-reminder"));
        Assert.Equal(1, notices.Count(n => n.Kind == "follow-up"));
        Assert.Single(await chat.FlagHistoryAsync((await chat.FlagAsync("before-2")).Id), h => h == "follow-up-due");
    }
}
