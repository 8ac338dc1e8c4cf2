using System.Text.Json.Nodes;
using CoachLoop.Bot.Tests.Scheduling;
using CoachLoop.Engine.Coaching;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Coaching;

/// <summary>A team of east with a third agent, Cy, whose three agents each fail empathy; the digest then suggests a workshop.</summary>
internal static class Workshop
{
    public static readonly DateTimeOffset MondayEightInLondon = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyDictionary<string, string> Log = new Dictionary<string, string>
    {
        ["targetedBehaviour"] = "Acknowledge the frustration first", ["selfAssessment"] = "We all jump to policy",
        ["agreedBehaviour"] = "Name the feeling, then the fix", ["practice"] = "3 billing-dispute role-plays",
    };

    public static async Task AddCyAsync(CoachLoopApp app)
    {
        var client = await app.CreateApiClientAsync();
        var csv = "email,name,role,team,externalId,timeZone,typicalCallsPerDay,slackUserId,teamsAadObjectId\n" +
            "cy@example.com,Cy Park,agent,east,AG-3,Europe/London,20,,\n";
        var response = await client.PostAsync("/api/v1/directory/import", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Failing empathy calls by <paramref name="agents"/>, then the digest at eight in London, sent.</summary>
    public static async Task FlagsAndDigestAsync(CoachLoopApp app, Chat chat, params string[] agents)
    {
        foreach (var agent in agents)
        {
            await chat.PostCallAsync(Json.Call($"call-{agent}", agent: $"{agent}@example.com", callTime: "2026-11-22T10:00:00Z"));
        }

        Assert.Equal(1, await Schedule.DigestsAsync(app));
        await chat.DispatchAsync();
    }

    public static async Task<JsonObject> DigestAsync(CoachLoopApp app, Chat chat) =>
        JsonNode.Parse(Assert.Single(await Schedule.DirectCardsAsync(app, chat, "morgan@example.com"), c => c.Contains("coaching digest", StringComparison.Ordinal)))!.AsObject();

    /// <summary>Schedules the workshop the manager's one digest suggests, then logs it, as Morgan through the web channel.</summary>
    public static async Task ScheduleAndLogAsync(CoachLoopApp app, Chat chat, Func<Task> step)
    {
        var data = DataOf(await DigestAsync(app, chat), "scheduleWorkshop");
        var scheduled = await chat.ActAsync("morgan@example.com", "scheduleWorkshop", "notice", Guid.Parse(data["subjectId"]),
            int.Parse(data["v"], System.Globalization.CultureInfo.InvariantCulture), new Dictionary<string, string> { ["criterionId"] = "empathy" });
        Assert.Equal("done", scheduled.GetProperty("outcome").GetString());
        await step();
        var workshop = Assert.Single(await WorkshopsAsync(app));
        var logged = await chat.ActAsync("morgan@example.com", "logWorkshop", "notice", workshop.Id, workshop.Revision, Log);
        Assert.Equal("done", logged.GetProperty("outcome").GetString());
        await step();
    }

    public static IEnumerable<JsonObject> Execute(JsonNode node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "Action.Execute" => [o],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Execute(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : Execute(n)),
        _ => [],
    };

    public static Dictionary<string, string> DataOf(JsonNode card, string verb) =>
        Execute(card).First(a => a["verb"]!.GetValue<string>() == verb)["data"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());

    public static Task<List<Engine.Coaching.Workshop>> WorkshopsAsync(CoachLoopApp app) => app.WithDbAsync(db => db.Workshops.AsNoTracking().ToListAsync());

    public static Task<List<(string CallId, Engine.Flags.FlagStatus Status, int Revision, DateOnly FollowUp)>> FlagsAsync(CoachLoopApp app) =>
        app.WithDbAsync(async db => (await db.Flags.AsNoTracking().OrderBy(f => f.CallId).ToListAsync())
            .Select(f => (f.CallId, f.Status, f.Revision, f.FollowUpDate)).ToList());

    public static Task<int> AuditCountAsync(CoachLoopApp app) => app.WithDbAsync(db => db.AuditEntries.CountAsync());
}
