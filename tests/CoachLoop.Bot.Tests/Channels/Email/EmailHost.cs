using CoachLoop.Bot.Tests.Api;
using CoachLoop.Bot.Tests.Support.Smtp;
using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Channels.Email;

/// <summary>A host with the web channel and the email channel on, sending through <paramref name="smtp"/>.</summary>
internal static class EmailHost
{
    /// <summary>Monday 23 November 2026, 22:59 in London and 17:59 in New York: both managers' digests are due.</summary>
    public static readonly DateTimeOffset BothDue = new(2026, 11, 23, 22, 59, 0, TimeSpan.Zero);

    public static async Task<(CoachLoopApp App, Chat Chat)> StartAsync(SmtpServer smtp, TestDatabase? database = null,
        Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(Chat.WebOn);
        foreach (var (k, v) in smtp.Settings)
        {
            all[k] = v;
        }

        foreach (var (k, v) in settings ?? [])
        {
            all[k] = v;
        }

        var app = await CoachLoopApp.StartAsync(settings: all, database: database, now: BothDue);
        return (app, new Chat(app));
    }

    public static async Task SetDeliveryAsync(CoachLoopApp app, string delivery)
    {
        var client = await app.CreateApiClientAsync();
        (await client.PutAsJsonAsync("/api/v1/directory/people", DigestDeliveryDirectoryTests.Morgan(delivery))).EnsureSuccessStatusCode();
    }

    public static Task<List<OutboxMessage>> EmailOutboxAsync(CoachLoopApp app) =>
        app.WithDbAsync(db => db.Outbox.AsNoTracking().Join(db.CardPosts.Where(p => p.Channel == "email"), m => m.CardPostId, p => p.Id, (m, _) => m)
            .ToListAsync());
}
