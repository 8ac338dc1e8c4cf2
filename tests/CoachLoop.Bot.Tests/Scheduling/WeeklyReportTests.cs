using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Tests.Channels.Email;
using CoachLoop.Bot.Tests.Support.Smtp;

namespace CoachLoop.Bot.Tests.Scheduling;

/// <summary>The weekly team report: to managers and QA leads at their local time on the report day, once a week, by chat or email.</summary>
public sealed class WeeklyReportTests
{
    // Monday 23 November 2026, 09:01 in London (UTC in winter), 04:01 in New York.
    private static readonly DateTimeOffset MondayNineInLondon = new(2026, 11, 23, 9, 1, 0, TimeSpan.Zero);

    [Fact]
    public async Task ManagersAndQaLeadsGetTheirTeamsReportOnceOnTheDayAtTheirLocalTime()
    {
        var (app, chat) = await DigestTests.StartAsync(MondayNineInLondon.AddMinutes(-2));
        await using var host = app;
        await AddQaLeadAsync(app);
        await chat.PostCallAsync(Json.Call("c1", callTime: "2026-11-20T10:00:00Z"));
        await chat.ActOnFlagAsync("morgan@example.com", CardVerbs.ApprovePractice, callId: "c1");

        var early = await Schedule.WeeklyReportsAsync(app);
        app.Clock.Set(MondayNineInLondon);
        var due = await Schedule.WeeklyReportsAsync(app);
        var again = await Schedule.WeeklyReportsAsync(app);
        app.Clock.Set(MondayNineInLondon.AddDays(1));
        var tuesday = await Schedule.WeeklyReportsAsync(app);
        await chat.DispatchAsync();

        // Morgan for east; Quinn (a QA lead of no team) for east and west; Max's 09:00 in New York has not come yet.
        Assert.Equal((0, 3, 0, 0), (early, due, again, tuesday));
        var morgan = Assert.Single(await Schedule.DirectCardsAsync(app, chat, "morgan@example.com"));
        Assert.Contains("Weekly coaching report", morgan, StringComparison.Ordinal);
        Assert.Contains("Practice completion", morgan, StringComparison.Ordinal);
        Assert.Contains("0%", morgan, StringComparison.Ordinal);
        Assert.Equal(2, (await Schedule.DirectCardsAsync(app, chat, "quinn@example.com")).Count(c => c.Contains("Weekly coaching report", StringComparison.Ordinal)));
        Assert.Empty(await Schedule.DirectCardsAsync(app, chat, "max@example.com"));
    }

    [SkippableFact]
    public async Task TheReportGoesByEmailToWhoeverChoseEmail()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var (app, chat) = await EmailHost.StartAsync(smtp);
        await using var host = app;
        await EmailHost.SetDeliveryAsync(app, "email");
        app.Clock.Set(MondayNineInLondon);

        Assert.Equal(1, await Schedule.WeeklyReportsAsync(app));
        await chat.DispatchAsync();

        var mail = Assert.Single(await smtp.WaitForAsync(1, TimeSpan.FromSeconds(5)));
        Assert.StartsWith("Weekly coaching report", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("No coaching yet", mail.TextBody, StringComparison.Ordinal);
        Assert.Empty(await Schedule.DirectCardsAsync(app, chat, "morgan@example.com"));
    }

    private static async Task AddQaLeadAsync(CoachLoopApp app)
    {
        var client = await app.CreateApiClientAsync();
        (await client.PutAsJsonAsync("/api/v1/directory/people",
            new { email = "quinn@example.com", name = "Quinn Ross", role = "qaLead", timeZone = "Europe/London" })).EnsureSuccessStatusCode();
    }
}
