using System.Globalization;
using CoachLoop.Bot.Tests.Channels.Slack;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Backfill;

/// <summary>Imported history raises and stores its flags, but only calls newer than Intake:Backfill:PostCardsNewerThan get cards.</summary>
public sealed class ImportCardTests
{
    [Fact]
    public async Task FlagsOfImportedCallsOlderThanTheSettingAreStoredWithoutCardsWhileNewerOnesAndPostedOnesAreCarded()
    {
        await using var fake = await FakeSlackApi.StartAsync();
        foreach (var (email, id) in new[] { ("ana@example.com", "U0ANA"), ("ben@example.com", "U0BEN"), ("sam@example.com", "U0SAM") })
        {
            fake.Users[email] = id;
        }

        await using var app = await CoachLoopApp.StartAsync(kestrel: true, settings: new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SlackSigner.Secret, ["Slack:BotToken"] = SlackSigner.BotToken, ["Slack:ApiBaseUrl"] = fake.BaseUrl.ToString(),
            ["Delivery:GroupAfter"] = "1000", ["Intake:Backfill:PostCardsNewerThan"] = "2.00:00:00",
        });
        var api = await app.CreateApiClientAsync();
        foreach (var (team, channel) in new[] { ("east", "C0EAST"), ("west", "C0WEST") })
        {
            (await api.PutAsJsonAsync($"/api/v1/channels/slack/teams/{team}", new { conversationId = channel, tenant = FakeSlackApi.Team })).EnsureSuccessStatusCode();
        }

        string Ago(TimeSpan age) => app.Clock.GetUtcNow().Subtract(age).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var old = Json.Call("old", agent: "ana@example.com", callTime: Ago(TimeSpan.FromDays(10)));
        var recent = Json.Call("recent", agent: "sam@example.com", callTime: Ago(TimeSpan.FromDays(1)));
        using var response = await Support.Backfill.SubmitAsync(api, Support.Backfill.Ndjson([old, recent]));
        await Support.Backfill.CompletedAsync(api, response.Headers.Location!.ToString());
        (await api.PostAsJsonAsync("/api/v1/scored-calls", Json.Call("posted-old", agent: "ben@example.com", callTime: Ago(TimeSpan.FromDays(10)))))
            .EnsureSuccessStatusCode();

        var carded = await app.WithDbAsync(db => db.Flags.AsNoTracking()
            .Select(f => new { f.CallId, Cards = db.CardPosts.Count(p => p.SubjectId == f.Id) }).ToListAsync());
        Assert.Equal(["old", "posted-old", "recent"], carded.Select(c => c.CallId).Order(StringComparer.Ordinal));
        Assert.Equal(0, carded.Single(c => c.CallId == "old").Cards);
        Assert.Equal(2, carded.Single(c => c.CallId == "recent").Cards);      // the team channel and the agent
        Assert.Equal(2, carded.Single(c => c.CallId == "posted-old").Cards);  // the API's intake cards every flag, as before
    }
}
