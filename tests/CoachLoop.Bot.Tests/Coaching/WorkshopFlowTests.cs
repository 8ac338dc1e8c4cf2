using System.Text.Json.Nodes;
using CoachLoop.Bot.Tests.Cards.AdaptiveCards;
using CoachLoop.Bot.Tests.Scheduling;
using CoachLoop.Engine.Coaching;
using CoachLoop.Engine.Flags;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Coaching;

/// <summary>
/// Three agents of a team with open flags on one criterion: the digest suggests one workshop, one click schedules it (only by
/// the team's manager, once however often clicked), and logging it logs a session on every flag at once, or on none.
/// </summary>
public sealed class WorkshopFlowTests
{
    private static async Task<(CoachLoopApp App, Chat Chat)> SuggestedAsync(params string[] agents)
    {
        var (app, chat) = await DigestTests.StartAsync(Workshop.MondayEightInLondon);
        await Workshop.AddCyAsync(app);
        await Workshop.FlagsAndDigestAsync(app, chat, agents.Length == 0 ? ["ana", "ben", "cy"] : agents);
        return (app, chat);
    }

    [Fact]
    public async Task TwoAgentsGetNoSuggestionAndThreeGetOneListingWhoAndWhy()
    {
        var (two, twoChat) = await SuggestedAsync("ana", "ben");
        await using (two)
        {
            Assert.DoesNotContain("Workshops suggested", (await Workshop.DigestAsync(two, twoChat)).ToJsonString(), StringComparison.Ordinal);
        }

        var (app, chat) = await SuggestedAsync();
        await using var host = app;
        var digest = await Workshop.DigestAsync(app, chat);
        var text = digest.ToJsonString();

        Assert.Contains("Workshops suggested (1)", text, StringComparison.Ordinal);
        Assert.Contains("Empathy: 3 agents", text, StringComparison.Ordinal);
        Assert.Contains("Ana Ruiz 45 vs 60, Ben Okafor 45 vs 60, Cy Park 45 vs 60", text, StringComparison.Ordinal);
        Assert.Contains("instead of 3 one-to-ones", text, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"criterionId\"", text, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"2026-11-24\"", text, StringComparison.Ordinal);
        Assert.Contains("3 flags in all", text, StringComparison.Ordinal);
        await AdaptiveCardSchema.AssertValidAsync(digest);
    }

    [Fact]
    public async Task OneClickSchedulesOneWorkshopForTheNextWorkingDayAndADoubleClickChangesNothing()
    {
        var (app, chat) = await SuggestedAsync();
        await using var host = app;
        var data = Workshop.DataOf(await Workshop.DigestAsync(app, chat), "scheduleWorkshop");
        var id = Guid.Parse(data["subjectId"]);
        var extra = new Dictionary<string, string> { ["criterionId"] = "empathy" };

        var first = await chat.ActAsync("morgan@example.com", "scheduleWorkshop", "notice", id, int.Parse(data["v"], System.Globalization.CultureInfo.InvariantCulture), extra, key: "click-1");
        var replay = await chat.ActAsync("morgan@example.com", "scheduleWorkshop", "notice", id, int.Parse(data["v"], System.Globalization.CultureInfo.InvariantCulture), extra, key: "click-1");
        var second = await chat.ActAsync("morgan@example.com", "scheduleWorkshop", "notice", id, int.Parse(data["v"], System.Globalization.CultureInfo.InvariantCulture), extra, key: "click-2");
        await chat.DispatchAsync();

        Assert.Equal(("done", "done", "stale"), (first.GetProperty("outcome").GetString(), replay.GetProperty("outcome").GetString(), second.GetProperty("outcome").GetString()));
        var workshop = Assert.Single(await Workshop.WorkshopsAsync(app));
        Assert.Equal((new DateOnly(2026, 11, 24), WorkshopStatus.Scheduled, 3), (workshop.ScheduledFor, workshop.Status, workshop.FlagIds.Count));
        Assert.Single(await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "workshop" && a.Action == "schedule-workshop").ToListAsync()));
        var cards = await Schedule.DirectCardsAsync(app, chat, "morgan@example.com");
        var card = JsonNode.Parse(Assert.Single(cards, c => c.Contains("Workshop: Empathy", StringComparison.Ordinal)))!;
        Assert.Contains("logWorkshop", card.ToJsonString(), StringComparison.Ordinal);
        await AdaptiveCardSchema.AssertValidAsync(card);
        var digest = (await Workshop.DigestAsync(app, chat)).ToJsonString();
        Assert.Contains("scheduled for Tue 24 Nov 2026", digest, StringComparison.Ordinal);
        Assert.DoesNotContain("scheduleWorkshop", digest, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-22")]
    [InlineData("2026-12-08")]
    [InlineData("next week")]
    public async Task ADayInThePastOrTooFarAheadIsAskedAgainAndNothingIsScheduled(string day)
    {
        var (app, chat) = await SuggestedAsync();
        await using var host = app;
        var data = Workshop.DataOf(await Workshop.DigestAsync(app, chat), "scheduleWorkshop");

        var answer = await chat.ActAsync("morgan@example.com", "scheduleWorkshop", "notice", Guid.Parse(data["subjectId"]),
            int.Parse(data["v"], System.Globalization.CultureInfo.InvariantCulture), new Dictionary<string, string> { ["criterionId"] = "empathy", ["scheduledFor"] = day });

        Assert.Equal("invalid", answer.GetProperty("outcome").GetString());
        Assert.Empty(await Workshop.WorkshopsAsync(app));
    }

    [Theory]
    [InlineData("ben@example.com")]
    [InlineData("max@example.com")]
    [InlineData("riley@example.com")]
    public async Task OnlyTheTeamsManagerSchedulesAndARefusalChangesNothing(string who)
    {
        var (app, chat) = await SuggestedAsync();
        await using var host = app;
        var data = Workshop.DataOf(await Workshop.DigestAsync(app, chat), "scheduleWorkshop");
        var audits = await Workshop.AuditCountAsync(app);

        var answer = await chat.ActAsync(who, "scheduleWorkshop", "notice", Guid.Parse(data["subjectId"]), int.Parse(data["v"], System.Globalization.CultureInfo.InvariantCulture),
            new Dictionary<string, string> { ["criterionId"] = "empathy" });

        Assert.Equal("refused", answer.GetProperty("outcome").GetString());
        Assert.Empty(await Workshop.WorkshopsAsync(app));
        Assert.Equal(audits, await Workshop.AuditCountAsync(app));
    }

    [Fact]
    public async Task LoggingTheWorkshopLogsASessionOnEveryFlagWithItsOwnFollowUpAndUpdatesEveryCardInPlace()
    {
        var (app, chat) = await SuggestedAsync();
        await using var host = app;
        var workshop = await ScheduleAsync(app, chat);
        var before = (await chat.WebMessagesAsync()).Count;

        var answer = await chat.ActAsync("morgan@example.com", "logWorkshop", "notice", workshop.Id, workshop.Revision, Workshop.Log);
        await chat.DispatchAsync();

        Assert.Equal("done", answer.GetProperty("outcome").GetString());
        var flags = await Workshop.FlagsAsync(app);
        Assert.All(flags, f => Assert.Equal(FlagStatus.SessionLogged, f.Status));
        // Ana (25 calls a day) and Cy (20) get 7 days; Ben (8) gets 14: each flag keeps its own follow-up.
        Assert.Equal([new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 7), new DateOnly(2026, 11, 30)], flags.Select(f => f.FollowUp));
        Assert.Equal(WorkshopStatus.Logged, Assert.Single(await Workshop.WorkshopsAsync(app)).Status);
        foreach (var callId in new[] { "call-ana", "call-ben", "call-cy" })
        {
            var history = await chat.FlagHistoryAsync((await chat.FlagAsync(callId)).Id);
            Assert.Equal(["raised", "approve-practice", "log-session"], history);
        }

        var messages = await chat.WebMessagesAsync();
        Assert.Equal(before, messages.Count);
        var flagCards = messages.Where(m => m.CardJson.Contains("Coaching: Empathy", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, flagCards.Count);
        Assert.All(flagCards, m => Assert.Contains("Name the feeling, then the fix", m.CardJson, StringComparison.Ordinal));
        var card = Assert.Single(messages, m => m.CardJson.Contains("Workshop: Empathy", StringComparison.Ordinal)).CardJson;
        Assert.DoesNotContain("logWorkshop", card, StringComparison.Ordinal);
        Assert.Contains("Logged", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFlagResolvedMeanwhileRefusesTheLogAndNothingChanges()
    {
        var (app, chat) = await SuggestedAsync();
        await using var host = app;
        var workshop = await ScheduleAsync(app, chat);
        await chat.ActOnFlagAsync("morgan@example.com", "resolve", new Dictionary<string, string> { ["note"] = "Handled live" }, callId: "call-ben");
        var flags = await Workshop.FlagsAsync(app);
        var audits = await Workshop.AuditCountAsync(app);

        var answer = await chat.ActAsync("morgan@example.com", "logWorkshop", "notice", workshop.Id, workshop.Revision, Workshop.Log);

        Assert.Equal("stale", answer.GetProperty("outcome").GetString());
        Assert.Contains("Ben Okafor's flag is resolved", answer.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(flags, await Workshop.FlagsAsync(app));
        Assert.Equal(audits, await Workshop.AuditCountAsync(app));
        Assert.Equal(WorkshopStatus.Scheduled, Assert.Single(await Workshop.WorkshopsAsync(app)).Status);
    }

    [Fact]
    public async Task AFailureWritingTheLastFlagLeavesEveryFlagAndTheWorkshopUnchanged()
    {
        var (app, chat) = await SuggestedAsync();
        await using var host = app;
        var workshop = await ScheduleAsync(app, chat);
        var last = (await chat.FlagAsync("call-cy")).Id.ToString().ToUpperInvariant();
        // The database itself refuses the third flag's write, after the first two were sent in the same transaction.
        var trigger = "CREATE TRIGGER fail_cy BEFORE UPDATE ON flags WHEN upper(old.id) = '" + last + "' BEGIN SELECT RAISE(ABORT, 'disk says no'); END;";
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(trigger));
        var flags = await Workshop.FlagsAsync(app);
        var audits = await Workshop.AuditCountAsync(app);

        var answer = await chat.ActAsync("morgan@example.com", "logWorkshop", "notice", workshop.Id, workshop.Revision, Workshop.Log);

        Assert.NotEqual("done", answer.GetProperty("outcome").GetString());
        Assert.Equal(flags, await Workshop.FlagsAsync(app));
        Assert.Equal(audits, await Workshop.AuditCountAsync(app));
        Assert.Equal(WorkshopStatus.Scheduled, Assert.Single(await Workshop.WorkshopsAsync(app)).Status);
    }

    [Fact]
    public async Task OnlyTheTeamsManagerLogsTheWorkshop()
    {
        var (app, chat) = await SuggestedAsync();
        await using var host = app;
        var workshop = await ScheduleAsync(app, chat);

        var answer = await chat.ActAsync("max@example.com", "logWorkshop", "notice", workshop.Id, workshop.Revision, Workshop.Log);

        Assert.Equal("refused", answer.GetProperty("outcome").GetString());
        Assert.All(await Workshop.FlagsAsync(app), f => Assert.Equal(FlagStatus.Raised, f.Status));
    }

    private static async Task<Engine.Coaching.Workshop> ScheduleAsync(CoachLoopApp app, Chat chat)
    {
        var data = Workshop.DataOf(await Workshop.DigestAsync(app, chat), "scheduleWorkshop");
        var answer = await chat.ActAsync("morgan@example.com", "scheduleWorkshop", "notice", Guid.Parse(data["subjectId"]), int.Parse(data["v"], System.Globalization.CultureInfo.InvariantCulture),
            new Dictionary<string, string> { ["criterionId"] = "empathy" });
        Assert.Equal("done", answer.GetProperty("outcome").GetString());
        await chat.DispatchAsync();
        return Assert.Single(await Workshop.WorkshopsAsync(app));
    }
}
