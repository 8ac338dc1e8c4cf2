using System.Diagnostics;
using CoachLoop.Bot.Tests.Scheduling;
using CoachLoop.Bot.Tests.Support.Smtp;
using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Channels.Email;

/// <summary>The real bot killed (kill -9) while the SMTP server holds its answer to the digest: after a restart the server has it once.</summary>
public sealed class EmailRestartTests
{
    [SkippableFact]
    public async Task AHostKilledWithAnEmailInFlightDeliversItExactlyOnceAfterItsRestart()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var database = TestDatabase.CreateSqlite();
        var (app, _) = await EmailHost.StartAsync(smtp, database);
        await using (app)
        {
            await EmailHost.SetDeliveryAsync(app, "email");
            Assert.Equal(2, await Schedule.DigestsAsync(app));
        }

        const int holdSeconds = 6;
        smtp.Hold(1, holdSeconds);
        var environment = BotProcess.SqliteEnvironment(database,
            smtp.Settings.ToDictionary(s => s.Key, s => s.Value!), "email-kill");
        environment["Outbox__Lease"] = "00:05:00";
        var held = Stopwatch.StartNew();
        await using (var bot = BotProcess.Start(environment))
        {
            // The whole message reached the server, which has not answered yet: the send is in flight.
            await bot.WaitUntilAsync(() => Task.FromResult(smtp.HoldsLeft() == 0), TimeSpan.FromSeconds(60));
            held.Restart();
            await bot.KillAsync();
        }

        await using (var restarted = BotProcess.Start(environment))
        {
            await restarted.WaitUntilAsync(async () => await EmailStatusAsync(database) == OutboxStatus.Sent, TimeSpan.FromSeconds(60));
        }

        // Past the held answer (and well past it), the killed host's copy never became a message: one digest at the server.
        await Task.Delay(TimeSpan.FromSeconds(holdSeconds + 2) - held.Elapsed is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);
        var mail = Assert.Single(smtp.Messages());
        Assert.Equal("morgan@example.com", Assert.Single(mail.To.Mailboxes).Address);
        await using var db = database.CreateContext();
        var email = await db.Outbox.AsNoTracking().Join(db.CardPosts.Where(p => p.Channel == "email"), m => m.CardPostId, p => p.Id, (m, p) => new { m, p })
            .SingleAsync();
        Assert.Equal($"post-{email.p.Id:N}@coachloop.test", mail.MessageId);
        Assert.Equal(2, email.m.Attempts);
    }

    private static async Task<OutboxStatus> EmailStatusAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Outbox.AsNoTracking().Join(db.CardPosts.Where(p => p.Channel == "email"), m => m.CardPostId, p => p.Id, (m, _) => m.Status)
            .SingleAsync();
    }
}
