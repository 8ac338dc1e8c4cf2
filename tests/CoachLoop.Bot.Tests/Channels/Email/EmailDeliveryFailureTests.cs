using CoachLoop.Bot.Tests.Scheduling;
using CoachLoop.Bot.Tests.Support.Smtp;
using CoachLoop.Data.Records;

namespace CoachLoop.Bot.Tests.Channels.Email;

/// <summary>The SMTP server's answers drive the outbox: 4xx is retried with backoff, 5xx is a dead letter, a server down is retried.</summary>
public sealed class EmailDeliveryFailureTests
{
    [SkippableFact]
    public async Task ATransientAnswerIsRetriedAfterTheBackoffAndArrivesOnce()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var (app, chat) = await EmailHost.StartAsync(smtp);
        await using var host = app;
        await EmailHost.SetDeliveryAsync(app, "email");
        smtp.Answer("451 4.3.0 Mailbox busy, try again later");
        await Schedule.DigestsAsync(app);

        await chat.DispatchAsync();
        var afterRefusal = Assert.Single(await EmailHost.EmailOutboxAsync(app));
        var arrivedBefore = smtp.Messages().Count;
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await chat.DispatchAsync();

        Assert.Equal((OutboxStatus.Pending, 1, 0), (afterRefusal.Status, afterRefusal.Attempts, arrivedBefore));
        Assert.Contains("SMTP 451", afterRefusal.LastError, StringComparison.Ordinal);
        Assert.True(afterRefusal.NextAttemptAt > EmailHost.BothDue, "the retry waits for its backoff");
        Assert.Equal((OutboxStatus.Sent, 2), (Assert.Single(await EmailHost.EmailOutboxAsync(app)).Status, Assert.Single(await EmailHost.EmailOutboxAsync(app)).Attempts));
        Assert.Single(smtp.Messages());
    }

    [SkippableFact]
    public async Task APermanentAnswerIsADeadLetterWithTheServersReason()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var (app, chat) = await EmailHost.StartAsync(smtp);
        await using var host = app;
        await EmailHost.SetDeliveryAsync(app, "email");
        smtp.Answer("550 5.1.1 No such mailbox here");
        await Schedule.DigestsAsync(app);

        await chat.DispatchAsync();
        app.Clock.Advance(TimeSpan.FromHours(1));
        await chat.DispatchAsync();

        var dead = Assert.Single(await EmailHost.EmailOutboxAsync(app));
        Assert.Equal((OutboxStatus.Dead, 1), (dead.Status, dead.Attempts));
        Assert.Contains("SMTP 550", dead.LastError, StringComparison.Ordinal);
        Assert.Contains("No such mailbox", dead.LastError, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages());
    }

    [SkippableFact]
    public async Task AServerThatDoesNotAnswerIsRetriedNotDeadLettered()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var (app, chat) = await EmailHost.StartAsync(smtp, settings: new() { ["Email:Port"] = "1" });
        await using var host = app;
        await EmailHost.SetDeliveryAsync(app, "email");
        await Schedule.DigestsAsync(app);

        await chat.DispatchAsync();

        var waiting = Assert.Single(await EmailHost.EmailOutboxAsync(app));
        Assert.Equal((OutboxStatus.Pending, 1, false), (waiting.Status, waiting.Attempts, waiting.OutcomeUnknown));
        Assert.Contains("SMTP", waiting.LastError, StringComparison.Ordinal);
    }
}
