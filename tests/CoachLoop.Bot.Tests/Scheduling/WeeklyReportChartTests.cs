using System.Text.Json.Nodes;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Cards.AdaptiveCards;
using CoachLoop.Bot.Cards.Charts;
using CoachLoop.Bot.Tests.Cards.AdaptiveCards;
using CoachLoop.Bot.Tests.Cards.Charts;
using CoachLoop.Bot.Tests.Channels.Email;
using CoachLoop.Bot.Tests.Support.Smtp;
using MimeKit;

namespace CoachLoop.Bot.Tests.Scheduling;

/// <summary>The weekly report's trend charts: a PNG inline in the email, an image in the web channel, the sparkline everywhere else.</summary>
public sealed class WeeklyReportChartTests
{
    // Friday 20 November 2026, when the call is scored and coached; the report goes out on Monday 23rd at 09:01 in London.
    private static readonly DateTimeOffset Friday = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayNineInLondon = new(2026, 11, 23, 9, 1, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task TheEmailCarriesEachCoachedCriterionsTrendAsAnInlinePngItsHtmlShowsByContentId()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var (app, chat) = await EmailHost.StartAsync(smtp);
        await using var host = app;
        await EmailHost.SetDeliveryAsync(app, "email");
        await CoachAsync(app, chat);

        Assert.Equal(1, await Schedule.WeeklyReportsAsync(app));
        await chat.DispatchAsync();

        var mail = Assert.Single(await smtp.WaitForAsync(1, TimeSpan.FromSeconds(5)));
        var image = Assert.Single(All(mail.Body!).OfType<MimePart>(), p => p.ContentType.MimeType == "image/png");
        var related = Assert.Single(All(mail.Body!).OfType<Multipart>(), m => m.ContentType.MimeType == "multipart/related");
        Assert.Contains(image, related);
        Assert.Contains(related, p => p.ContentType.MimeType == "text/html");
        Assert.False(string.IsNullOrEmpty(image.ContentId));
        Assert.Contains($"<img src=\"cid:{image.ContentId}\"", mail.HtmlBody, StringComparison.Ordinal);
        var threshold = (await chat.FlagAsync("c1")).Threshold.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"(threshold {threshold}); coached 20 Nov", mail.HtmlBody, StringComparison.Ordinal);
        using var png = new MemoryStream();
        image.Content!.DecodeTo(png);
        Assert.Equal((TrendChartRenderer.Width, TrendChartRenderer.Height), Png.Size(png.ToArray()));
        // The plain-text part keeps the figures and the sparkline, and no reference to a picture it cannot show.
        Assert.Contains("empathy (1 session)", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("\u2584", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("cid:", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWebChannelShowsTheChartAsAnImageAndTeamsKeepsTheSparkline()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn, now: Friday);
        var chat = new Chat(app);
        await CoachAsync(app, chat);

        Assert.Equal(1, await Schedule.WeeklyReportsAsync(app));
        await chat.DispatchAsync();

        var feeds = JsonNode.Parse(await app.CreateClient().GetStringAsync($"/web/api/feeds?as={await chat.IdOfAsync("morgan@example.com")}"))!;
        var report = feeds.AsArray().SelectMany(f => f!["messages"]!.AsArray())
            .Select(m => m!["card"]!).Single(c => c.ToJsonString().Contains("Weekly coaching report", StringComparison.Ordinal));
        var image = Assert.Single(report["body"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "Image")!;
        var url = image["url"]!.GetValue<string>();
        Assert.StartsWith("data:image/png;base64,", url, StringComparison.Ordinal);
        Assert.Equal((TrendChartRenderer.Width, TrendChartRenderer.Height), Png.Size(Convert.FromBase64String(url["data:image/png;base64,".Length..])));
        Assert.StartsWith("empathy: weekly team average", image["altText"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await AdaptiveCardSchema.ValidateAsync(report));

        // Teams: Microsoft documents card images by URL only, so its rendering of the same card has no Image, and the sparkline stays.
        var notice = Assert.Single(await Schedule.NoticesAsync(app), n => n.Payload.Contains("Weekly coaching report", StringComparison.Ordinal));
        var card = NoticeCards.Build(notice);
        Assert.NotEmpty(card.Images);
        var teams = Bot.Channels.Teams.TeamsCards.Render(card).ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        Assert.DoesNotContain("\"Image\"", teams, StringComparison.Ordinal);
        Assert.Contains("\u2584", teams, StringComparison.Ordinal);
    }

    /// <summary>Ana's empathy call is flagged and coached on Friday; the clock then moves to the report's Monday.</summary>
    private static async Task CoachAsync(CoachLoopApp app, Chat chat)
    {
        app.Clock.Set(Friday);
        await chat.PostCallAsync(Json.Call("c1", callTime: "2026-11-20T07:00:00Z"));
        await chat.ActOnFlagAsync("morgan@example.com", CardVerbs.ApprovePractice, callId: "c1");
        await chat.ActOnFlagAsync("morgan@example.com", "logSession", new Dictionary<string, string>
        {
            ["targetedBehaviour"] = "Acknowledge first", ["selfAssessment"] = "rushed", ["agreedBehaviour"] = "name it",
            ["practice"] = "role-plays", ["followUpDate"] = "2026-11-27",
        }, callId: "c1");
        app.Clock.Set(MondayNineInLondon);
    }

    private static IEnumerable<MimeEntity> All(MimeEntity entity) => entity is Multipart multipart ? multipart.SelectMany(All).Prepend(entity) : [entity];
}
