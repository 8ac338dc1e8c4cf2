using System.Text.Json.Nodes;
using CoachLoop.Bot.Tests.Cards.AdaptiveCards;
using CoachLoop.Engine.Flags;

namespace CoachLoop.Bot.Tests.Scheduling;

/// <summary>A digest lists every flag that still needs someone, by state, and acts: approve from it, or open the flag's card.</summary>
public sealed class DigestActionTests
{
    private static readonly DateTimeOffset MondayEightInLondon = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TwoFlagsInTheSessionLoggedStateAreListedNotAllClear()
    {
        var (app, chat) = await DigestTests.StartAsync(MondayEightInLondon.AddDays(-3));
        await using var host = app;
        foreach (var call in new[] { "s1", "s2" })
        {
            await chat.PostCallAsync(Json.Call(call, callTime: "2026-11-20T07:00:00Z", agent: call == "s1" ? "ana@example.com" : "ben@example.com"));
            await chat.ActOnFlagAsync("morgan@example.com", "approvePractice", callId: call);
            await chat.ActOnFlagAsync("morgan@example.com", "logSession", new Dictionary<string, string>
            {
                ["targetedBehaviour"] = "Acknowledge", ["selfAssessment"] = "Rushed", ["agreedBehaviour"] = "Name it",
                ["practice"] = "role-plays", ["followUpDate"] = "2026-12-01",
            }, callId: call);
        }

        app.Clock.Set(MondayEightInLondon);
        Assert.Equal(1, await Schedule.DigestsAsync(app));
        await chat.DispatchAsync();

        var card = Assert.Single(await Schedule.DirectCardsAsync(app, chat, "morgan@example.com"));
        Assert.DoesNotContain("All clear", card, StringComparison.Ordinal);
        Assert.Contains("Session logged: waiting for follow-up (2)", card, StringComparison.Ordinal);
        Assert.Equal(2, OpenCardIds(card).Count);
        await AdaptiveCardSchema.AssertValidAsync(JsonNode.Parse(card)!);
    }

    [Fact]
    public async Task TheManagerApprovesPracticeFromTheDigestAndTheDigestShowsTheNextStep()
    {
        var (app, chat) = await DigestTests.StartAsync(MondayEightInLondon);
        await using var host = app;
        await chat.PostCallAsync(Json.Call("d1", callTime: "2026-11-22T10:00:00Z"));
        await Schedule.DigestsAsync(app);
        await chat.DispatchAsync();
        var card = JsonNode.Parse(Assert.Single(await Schedule.DirectCardsAsync(app, chat, "morgan@example.com")))!;
        var approve = Execute(card).Single(a => a["verb"]!.GetValue<string>() == "approvePractice")["data"]!.AsObject();

        var web = app.CreateClient();
        var response = await web.PostAsJsonAsync("/web/api/actions", new
        {
            @as = (await chat.IdOfAsync("morgan@example.com")).ToString(), verb = "approvePractice", data = approve, key = "digest-approve",
        });
        var answer = await Json.ReadAsync(response);
        await chat.DispatchAsync();

        Assert.Equal("done", answer.GetProperty("outcome").GetString());
        Assert.Equal(FlagStatus.PracticeApproved, (await chat.FlagAsync("d1")).Status);
        var updated = Assert.Single(await Schedule.DirectCardsAsync(app, chat, "morgan@example.com"));
        Assert.Contains("Practice approved: session to log (1)", updated, StringComparison.Ordinal);
        Assert.DoesNotContain("approvePractice", updated, StringComparison.Ordinal);
        Assert.Contains("logSession", updated, StringComparison.Ordinal);
    }

    private static List<string> OpenCardIds(string card) =>
        [.. Execute(JsonNode.Parse(card)!).Where(a => a["verb"]!.GetValue<string>() == "openCard").Select(a => a["data"]!["subjectId"]!.GetValue<string>())];

    private static IEnumerable<JsonObject> Execute(JsonNode node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "Action.Execute" => [o],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Execute(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : Execute(n)),
        _ => [],
    };
}
