using AngleSharp.Html.Parser;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Scheduling;
using CoachLoop.Bot.Tests.Scheduling;
using CoachLoop.Bot.Tests.Support.Smtp;
using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CoachLoop.Bot.Tests.Channels.Email;

/// <summary>Digests by email through the outbox to a real SMTP server on loopback, read back from what the server accepted.</summary>
public sealed class EmailDigestTests
{
    [SkippableFact]
    public async Task AManagerWhoChoseEmailGetsTheDigestOnceAsHtmlAndTextWithTheCardsFigures()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var (app, chat) = await EmailHost.StartAsync(smtp);
        await using var host = app;
        await EmailHost.SetDeliveryAsync(app, "email");
        await chat.PostCallAsync(Json.Call("c1", callTime: "2026-11-22T10:00:00Z"));
        await chat.PostCallAsync(Json.Call("c2", empathy: 90, disclosure: 0, callTime: "2026-11-22T11:00:00Z"));

        await Schedule.DigestsAsync(app);
        await chat.DispatchAsync();
        app.Clock.Advance(TimeSpan.FromHours(1));
        await Schedule.DigestsAsync(app);
        await chat.DispatchAsync();

        var mail = Assert.Single(await smtp.WaitForAsync(1, TimeSpan.FromSeconds(5)));
        Assert.Equal("morgan@example.com", Assert.Single(mail.To.Mailboxes).Address);
        Assert.StartsWith("post-", mail.MessageId, StringComparison.Ordinal);
        Assert.EndsWith("@coachloop.test", mail.MessageId, StringComparison.Ordinal);
        var alternative = Assert.IsType<MultipartAlternative>(mail.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Contains("URGENT", mail.Subject, StringComparison.Ordinal);

        // The same card the chat channels get is the one source: every fact and row of it is in both parts.
        var card = await CardAsync(app);
        var document = new HtmlParser().ParseDocument(mail.HtmlBody!);
        Assert.Equal("URGENT \u00b7 " + card.DisplayTitle, document.Title);
        var html = document.Body!.TextContent;
        foreach (var text in card.Facts.SelectMany(f => new[] { f.Label, f.Value }).Concat(card.Rows.SelectMany(r => new[] { r.Group, r.Label, r.Text })))
        {
            Assert.Contains(text, html, StringComparison.Ordinal);
            Assert.Contains(text, mail.TextBody, StringComparison.Ordinal);
        }

        Assert.Contains("Compliance (1)", html, StringComparison.Ordinal);
        Assert.Contains("Waiting for practice approval (1)", html, StringComparison.Ordinal);
        // Buttons are links: the web channel's page here, as no Slack copy exists.
        var links = document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Distinct().ToList();
        Assert.Equal(["https://coachloop.test/web/"], links);
        Assert.Equal(card.Rows.Sum(r => r.Actions.Count), document.QuerySelectorAll("a").Length);
        // Email only: no chat copy.
        Assert.Empty(await Schedule.DirectCardsAsync(app, chat, "morgan@example.com"));
    }

    [SkippableFact]
    public async Task BothSendsChatAndEmailAndChatSendsNoEmail()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var (app, chat) = await EmailHost.StartAsync(smtp);
        await using var host = app;
        await EmailHost.SetDeliveryAsync(app, "both");
        await chat.PostCallAsync(Json.Call("c1", callTime: "2026-11-22T10:00:00Z"));

        Assert.Equal(2, await Schedule.DigestsAsync(app));
        await chat.DispatchAsync();

        var mail = Assert.Single(await smtp.WaitForAsync(1, TimeSpan.FromSeconds(5)));
        Assert.Equal("morgan@example.com", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Single(await Schedule.DirectCardsAsync(app, chat, "morgan@example.com"));
        Assert.Single(await Schedule.DirectCardsAsync(app, chat, "max@example.com"));
        Assert.Single(await EmailHost.EmailOutboxAsync(app));
    }

    [SkippableFact]
    public async Task AnEmailDigestDoesNotFollowItsFlagsButTheChatCopyDoes()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var (app, chat) = await EmailHost.StartAsync(smtp);
        await using var host = app;
        await EmailHost.SetDeliveryAsync(app, "both");
        await chat.PostCallAsync(Json.Call("c1", callTime: "2026-11-22T10:00:00Z"));
        await Schedule.DigestsAsync(app);
        await chat.DispatchAsync();

        await chat.ActOnFlagAsync("morgan@example.com", CardVerbs.ApprovePractice, callId: "c1");
        await chat.DispatchAsync();

        Assert.Single(smtp.Messages());
        var email = Assert.Single(await EmailHost.EmailOutboxAsync(app));
        Assert.Equal(OutboxOperation.Post, email.Operation);
        var digestPosts = await app.WithDbAsync(db => db.CardPosts.AsNoTracking().Where(p => p.CardKind == "notice").Select(p => p.Id).ToListAsync());
        Assert.Contains(await app.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Operation == OutboxOperation.Update).Select(m => m.CardPostId).ToListAsync()),
            id => digestPosts.Contains(id));
    }

    [SkippableFact]
    public async Task TheEmailChannelOffSendsTheDigestToChatWhateverTheChoice()
    {
        var database = TestDatabase.CreateSqlite();
        await using var owned = database;
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn, database: database, now: EmailHost.BothDue);
        var chat = new Chat(app);
        await EmailHost.SetDeliveryAsync(app, "email");

        await Schedule.DigestsAsync(app);
        await chat.DispatchAsync();

        Assert.Single(await Schedule.DirectCardsAsync(app, chat, "morgan@example.com"));
        Assert.Empty(await EmailHost.EmailOutboxAsync(app));
    }

    private static async Task<Card> CardAsync(CoachLoopApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var morgan = await new Chat(app).IdOfAsync("morgan@example.com");
        var notice = await app.WithDbAsync(db => db.Notices.AsNoTracking().SingleAsync(n => n.Kind == NoticeKinds.Digest && n.AudienceId == morgan));
        return (await scope.ServiceProvider.GetRequiredService<CardFactory>().BuildAsync(CardKinds.Notice, notice.Id, CancellationToken.None))!;
    }
}
