using System.Text.Json;
using System.Text.Json.Nodes;
using CoachLoop.Bot.Tests.Cards.AdaptiveCards;
using CoachLoop.Engine.Flags;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Cards.Lists;

/// <summary>Grouping never costs the manager the ability to act: every grouped flag is acted on from the group card itself.</summary>
public sealed class GroupCardActionTests
{
    [Fact]
    public async Task TwelveNonUrgentFlagsMakeAGroupCardOnWhichEveryGroupedFlagIsApprovedAndOpenedThroughTheWebChannel()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        var chat = new Chat(app);
        var batch = new JsonArray();
        for (var i = 0; i < 12; i++)
        {
            batch.Add(Json.CallWithoutStreak($"g{i}", i / 2, $"2026-11-19T{8 + i}:00:00Z", i % 2 == 0 ? "ana@example.com" : "ben@example.com"));
        }

        await chat.PostCallAsync(new JsonObject { ["calls"] = batch });
        await chat.DispatchAsync();
        var group = await GroupCardAsync(chat);
        await AdaptiveCardSchema.AssertValidAsync(group);
        var approves = Actions(group, "approvePractice");
        var grouped = await app.WithDbAsync(db => db.Notices.Where(n => n.Kind == "flag-group").Select(n => n.Payload).SingleAsync());
        var groupedIds = Data.Outbox.FlagGroup.Deserialize(grouped);
        Assert.True(groupedIds.Count >= 5, $"only {groupedIds.Count} flags were grouped");
        Assert.Equal(groupedIds.Order(), approves.Select(a => Guid.Parse(a["subjectId"]!.GetValue<string>())).Order());
        Assert.Equal(groupedIds.Order(), Actions(group, "openCard").Select(a => Guid.Parse(a["subjectId"]!.GetValue<string>())).Order());

        var web = app.CreateClient();
        var morgan = (await chat.IdOfAsync("morgan@example.com")).ToString();
        foreach (var open in Actions(group, "openCard"))
        {
            var answer = await PostAsync(web, morgan, "openCard", open);
            Assert.Equal("done", answer.GetProperty("outcome").GetString());
            Assert.Contains("approvePractice", answer.GetProperty("card").GetProperty("actions").GetRawText(), StringComparison.Ordinal);
        }

        foreach (var approve in approves)
        {
            var answer = await PostAsync(web, morgan, "approvePractice", approve);
            Assert.Equal("done", answer.GetProperty("outcome").GetString());
        }

        var stale = await PostAsync(web, morgan, "approvePractice", approves[0]);
        Assert.Equal("stale", stale.GetProperty("outcome").GetString());
        var flags = await app.WithDbAsync(db => db.Flags.AsNoTracking().Where(f => groupedIds.Contains(f.Id)).ToListAsync());
        Assert.All(flags, f => Assert.Equal(FlagStatus.PracticeApproved, f.Status));

        await chat.DispatchAsync();
        var updated = await GroupCardAsync(chat);
        Assert.Empty(Actions(updated, "approvePractice"));
        var logSessions = Actions(updated, "logSession");
        Assert.Equal(groupedIds.Count, logSessions.Count);
        Assert.All(logSessions, a => Assert.Equal(flags.Single(f => f.Id == Guid.Parse(a["subjectId"]!.GetValue<string>())).Revision.ToString(System.Globalization.CultureInfo.InvariantCulture),
            a["v"]!.GetValue<string>()));
    }

    private static async Task<JsonObject> GroupCardAsync(Chat chat) =>
        JsonNode.Parse(Assert.Single(await chat.WebMessagesAsync(), m => m.CardKind == "notice").CardJson)!.AsObject();

    /// <summary>Every Action.Execute of <paramref name="verb"/> on the card (rows, and forms they open), as its data.</summary>
    private static List<JsonObject> Actions(JsonNode card, string verb)
    {
        var found = new List<JsonObject>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o when o["type"]?.GetValue<string>() == "Action.Execute" && o["verb"]?.GetValue<string>() == verb:
                    found.Add(o["data"]!.AsObject());
                    break;
                case JsonObject o:
                    foreach (var (_, child) in o)
                    {
                        Walk(child);
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        Walk(child);
                    }

                    break;
            }
        }

        Walk(card["body"]);
        return found;
    }

    private static async Task<JsonElement> PostAsync(HttpClient web, string who, string verb, JsonObject data)
    {
        var response = await web.PostAsJsonAsync("/web/api/actions", new { @as = who, verb, data = JsonNode.Parse(data.ToJsonString()), key = Guid.NewGuid().ToString() });
        response.EnsureSuccessStatusCode();
        return await Json.ReadAsync(response);
    }
}
