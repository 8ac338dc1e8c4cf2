using System.Text.Json.Nodes;
using CoachLoop.Bot.Tests.Cards.AdaptiveCards;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Scheduling;

/// <summary>Many flags at once reach the manager as one growing card; compliance is never held back.</summary>
public sealed class NotificationVolumeTests
{
    [Fact]
    public async Task NonUrgentFlagsBeyondTheThresholdAreGroupedAndComplianceStillComesAlone()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: new Dictionary<string, string?>(Chat.WebOn) { ["Delivery:GroupAfter"] = "3" });
        var chat = new Chat(app);
        var batch = new JsonArray();
        for (var i = 0; i < 8; i++)
        {
            batch.Add(Json.CallWithoutStreak($"q{i}", i, $"2026-11-19T{10 + i}:00:00Z", i % 2 == 0 ? "ana@example.com" : "ben@example.com"));
        }

        batch.Add(Json.Call("urgent", empathy: 90, disclosure: 0, callTime: "2026-11-19T19:00:00Z"));
        await chat.PostCallAsync(new JsonObject { ["calls"] = batch });
        await chat.DispatchAsync();

        var flag = await chat.FlagAsync("urgent");
        var team = $"team:{flag.TeamId}";
        var managerCards = (await chat.WebMessagesAsync()).Where(m => m.ConversationId == team).ToList();
        Assert.Equal(3, managerCards.Count(m => m.CardKind == "flag" && !m.CardJson.Contains("Compliance", StringComparison.Ordinal)));
        Assert.Single(managerCards, m => m.CardKind == "flag" && m.CardJson.Contains("Compliance: Recorded-line disclosure", StringComparison.Ordinal));
        var group = Assert.Single(managerCards, m => m.CardKind == "notice");
        Assert.Contains("5 coaching flags grouped", group.CardJson, StringComparison.Ordinal);
        Assert.Empty(await AdaptiveCardSchema.ValidateAsync(JsonNode.Parse(group.CardJson)!));
        Assert.Equal(9, await app.WithDbAsync(db => db.WebMessages.CountAsync(m => m.CardKind == "agent-score")));
    }
}
